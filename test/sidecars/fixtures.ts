/**
 * Live Pods for the sidecar tests: a Tekton-shaped Pod (two steps, two
 * sidecars) with fields Kubernetes 1.12 did not have, and its status in each
 * phase of a TaskRun's life. Each test states only what differs.
 */
import * as E from 'fp-ts/Either';
import { LivePod, readLivePod } from '../../src/sidecars/pod';

export type Json = { [k: string]: unknown };

export const NOP = 'gcr.io/tekton-releases/github.com/tektoncd/pipeline/cmd/nop:v0.8.0';

/** A container status by state. */
export const running = (name: string, ready = false): Json => ({ name, ready, restartCount: 0, state: { running: { startedAt: '2019-10-30T10:00:00Z' } } });
export const waiting = (name: string, reason = 'ContainerCreating'): Json => ({ name, ready: false, restartCount: 0, state: { waiting: { reason } } });
export const terminated = (name: string, exitCode = 0): Json => ({
  name,
  ready: false,
  restartCount: 0,
  state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: '2019-10-30T10:00:00Z', finishedAt: '2019-10-30T10:01:00Z' } },
});

/** The spec's containers: two steps, then the sidecars `db` and `proxy`. */
export const containers = (): Json[] => [
  { name: 'step-build', image: 'golang:1.13', command: ['/builder/tools/entrypoint'], args: ['-wait_file', '/builder/downward/ready'] },
  { name: 'step-test', image: 'golang:1.13', command: ['/builder/tools/entrypoint'], args: ['-wait_file', '/builder/tools/0'] },
  // startupProbe is newer than 1.12: it must survive every update.
  { name: 'db', image: 'postgres:11', startupProbe: { tcpSocket: { port: 5432 } }, ports: [{ containerPort: 5432 }] },
  { name: 'proxy', image: 'envoyproxy/envoy:v1.12.0', command: ['/usr/local/bin/envoy'] },
];

/** A live Pod with the given status; metadata and spec carry fields the 1.12 codec would drop. */
export function podJson(status: Json | undefined, options: { annotations?: Record<string, string> | null; containers?: Json[]; initContainers?: Json[] } = {}): Json {
  const annotations = options.annotations === undefined ? { 'pipeline.tekton.dev/release': 'v0.8.0' } : options.annotations;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'run-pod-abcde',
      namespace: 'ci',
      resourceVersion: '4242',
      ...(annotations === null ? {} : { annotations }),
      managedFields: [{ manager: 'controller', operation: 'Update' }],
    },
    spec: {
      initContainers: options.initContainers ?? [{ name: 'step-place-tools', image: 'entrypoint', command: ['cp'] }],
      containers: options.containers ?? containers(),
      restartPolicy: 'Never',
      enableServiceLinks: false,
    },
    ...(status === undefined ? {} : { status: { ...status, hostIPs: [{ ip: '10.0.0.1' }] } }),
  };
}

/** Statuses of the four containers (in spec order). */
export function statuses(phase: string, build: Json | undefined, test: Json | undefined, db: Json | undefined, proxy: Json | undefined): Json {
  return { phase, containerStatuses: [build, test, db, proxy].filter((s): s is Json => s !== undefined) };
}

/** The phases of a TaskRun's Pod. */
export const PHASES = {
  /** Scheduled, nothing started. */
  pending: () => statuses('Pending', waiting('step-build'), waiting('step-test'), waiting('db'), waiting('proxy')),
  /** Running, a sidecar not ready yet and the other still pulling. */
  sidecarsStarting: () => statuses('Running', running('step-build'), running('step-test'), running('db', false), waiting('proxy')),
  /** Running, both sidecars ready, steps waiting on the ready file. */
  ready: () => statuses('Running', running('step-build'), running('step-test'), running('db', true), running('proxy', true)),
  /** Steps done, sidecars still running. */
  stepsDone: () => statuses('Running', terminated('step-build'), terminated('step-test'), running('db', true), running('proxy', true)),
  /** Steps done, one sidecar terminated, the other waiting (e.g. restarting from the nop image). */
  sidecarsEnding: () => statuses('Running', terminated('step-build'), terminated('step-test'), terminated('db', 1), waiting('proxy', 'CrashLoopBackOff')),
  /** All over. */
  succeeded: () => statuses('Succeeded', terminated('step-build'), terminated('step-test'), terminated('db', 1), terminated('proxy', 1)),
} as const;

/** Reads a raw Pod, failing the test on a decoding error. */
export function live(raw: unknown): LivePod {
  const r = readLivePod(raw);
  if (E.isLeft(r)) throw new Error(`fixture does not decode: ${r.left.message}`);
  return r.right;
}

/** A deep copy (to check that nothing mutates its input). */
export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
