/**
 * Tekton's webhook decoded its own kinds strictly (knative.dev/pkg's
 * admission controller, DisallowUnknownFields, the whole object): a field
 * the Go types do not have, at any depth, is refused, naming the object,
 * the path and the name, with the field probably meant. Core kinds keep
 * the API server's lenient reading. Field names still match
 * case-insensitively, as Go matched them.
 */
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { collectObjects, InputObjects, kindReading } from '../../src/input/objects';
import { goFold } from '../../src/input/go-json';
import { suggestFields } from '../../src/input/unknown-fields';
import type { StructType } from '../../src/model/struct';
import { bare, isList, isMap, isStruct } from '../helpers/codec-tree';
import { Step, TaskRunSpec, TaskSpec } from '../../src/model/tekton';
import { Container, ObjectMeta, Volume } from '../../src/model/core';
import type { TaskpodError } from '../../src/errors';

const read = (...docs: unknown[]): E.Either<TaskpodError, InputObjects> => collectObjects(docs, (i) => `document ${i + 1}`);
const refusal = (...docs: unknown[]): TaskpodError => {
  const r = read(...docs);
  if (E.isRight(r)) throw new Error('expected a refusal');
  return r.left;
};
const accepted = (...docs: unknown[]): InputObjects => {
  const r = read(...docs);
  if (E.isLeft(r)) throw new Error(`refused: ${r.left.field}: ${r.left.message}`);
  return r.right;
};

const meta = { name: 'x', namespace: 'ns' };
const task = (spec: unknown, extra: Record<string, unknown> = {}) => ({ apiVersion: 'tekton.dev/v1alpha1', kind: 'Task', metadata: meta, spec, ...extra });
const taskRun = (spec: unknown, extra: Record<string, unknown> = {}) => ({ apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', metadata: meta, spec, ...extra });

// ---------------------------------------------------------------------------
// Every struct of every Tekton kind, at every depth


type PathStep = { readonly field: string } | { readonly index: 0 } | { readonly key: string };

/** Every path from the kind's root to a struct, each struct type entered at most twice on one path (a TaskRunStatus's retries). */
function structPaths(root: t.Mixed): { readonly steps: readonly PathStep[]; readonly struct: StructType<t.Props> }[] {
  const out: { steps: PathStep[]; struct: StructType<t.Props> }[] = [];
  const visit = (c0: t.Mixed, steps: PathStep[], onPath: t.Mixed[]) => {
    const c = bare(c0);
    if (onPath.filter((x) => x === c).length >= 2) return;
    if (isStruct(c)) {
      out.push({ steps, struct: c });
      for (const [k, p] of Object.entries(c.props)) visit(p, [...steps, { field: k }], [...onPath, c]);
    } else if (isList(c)) visit(c.type, [...steps, { index: 0 }], onPath);
    else if (isMap(c)) visit(c.codomain, [...steps, { key: 'k' }], onPath);
  };
  visit(root, [], []);
  return out;
}

/** A document of `kind` holding `leaf` at `steps` (metadata.name kept). */
function docAt(kind: string, steps: readonly PathStep[], leaf: Record<string, unknown>): Record<string, unknown> {
  const build = (i: number): unknown => {
    if (i === steps.length) return leaf;
    const s = steps[i]!;
    if ('index' in s) return [build(i + 1)];
    if ('key' in s) return { [s.key]: build(i + 1) };
    return { [s.field]: build(i + 1) };
  };
  const body = build(0) as Record<string, unknown>;
  const metadata = { ...meta, ...(steps[0] !== undefined && 'field' in steps[0] && steps[0].field === 'metadata' ? (body.metadata as object) : {}) };
  return { apiVersion: 'tekton.dev/v1alpha1', ...body, kind, metadata };
}

const pathText = (steps: readonly PathStep[], last: string): string =>
  [...steps.map((s) => ('index' in s ? '[0]' : `.${'key' in s ? s.key : s.field}`)), `.${last}`].join('').replace(/^\./, '');

describe.each(['Task', 'ClusterTask', 'TaskRun', 'PipelineResource', 'Pipeline', 'PipelineRun', 'Condition'])('%s: an unknown field at any depth is refused', (kind) => {
  const paths = structPaths(kindReading(kind)!.codec);

  it('reaches the structs of the whole tree', () => {
    const min: Readonly<Record<string, number>> = { Task: 150, ClusterTask: 150, TaskRun: 250, PipelineResource: 8, Pipeline: 20, PipelineRun: 130, Condition: 45 };
    expect(paths.length).toBeGreaterThan(min[kind]!);
    expect(paths.some((p) => p.steps.length === 0)).toBe(true);
    expect(paths.some((p) => p.struct === ObjectMeta)).toBe(true);
  });

  it('each one is refused, naming the object, the path and the name', () => {
    const wrong: string[] = [];
    for (const { steps, struct } of paths) {
      const doc = docAt(kind, steps, { zzUnknown: { deep: [1] } });
      const r = read(doc);
      const field = pathText(steps, 'zzUnknown');
      const label = `${kind} ns/x`;
      const ok =
        E.isLeft(r) &&
        r.left._tag === 'InvalidInput' &&
        r.left.object === label &&
        r.left.field === field &&
        r.left.message.startsWith(`unknown field "zzUnknown": ${struct.name} has no such field`) &&
        r.left.message.endsWith("Tekton's webhook refused the object");
      if (!ok) wrong.push(`${field}: ${JSON.stringify(r)}`);
    }
    expect(wrong).toStrictEqual([]);
  });

  it('each one is known in any case (Go matched names case-insensitively)', () => {
    const wrong: string[] = [];
    for (const { steps, struct } of paths.slice(0, 120)) {
      const [first] = Object.keys(struct.props);
      if (first === undefined) continue;
      const r = read(docAt(kind, steps, { [first.toUpperCase()]: null }));
      if (E.isLeft(r)) wrong.push(`${pathText(steps, first.toUpperCase())}: ${r.left.message}`);
    }
    expect(wrong).toStrictEqual([]);
  });
});

// ---------------------------------------------------------------------------
// What the user sees

describe('the message', () => {
  it("names Docker's entrypoint as command", () => {
    expect(refusal(task({ steps: [{ name: 'a', image: 'ubuntu', entrypoint: ['bash'] }] }))).toStrictEqual({
      _tag: 'InvalidInput',
      object: 'Task ns/x',
      field: 'spec.steps[0].entrypoint',
      message: 'unknown field "entrypoint": Step has no such field (did you mean "command"?); Tekton\'s webhook refused the object',
    });
  });

  it('says when a field came with a later Kubernetes', () => {
    expect(refusal(task({ steps: [{ image: 'u', startupProbe: { exec: { command: ['true'] } } }] })).message).toBe(
      'unknown field "startupProbe": Step has no such field (a field of Kubernetes after 1.12, whose types Tekton used); Tekton\'s webhook refused the object',
    );
    expect(refusal(task({ steps: [{ image: 'u', volumeMounts: [{ name: 'v', mountPath: '/v', subPathExpr: '$(X)' }] }] }))).toMatchObject({
      field: 'spec.steps[0].volumeMounts[0].subPathExpr',
      message: expect.stringContaining('VolumeMount has no such field (a field of Kubernetes after 1.12'),
    });
  });

  it('refuses metadata.managedFields: ObjectMeta of 1.12 had none, and the webhook decoded metadata strictly', () => {
    expect(refusal(taskRun({ taskRef: { name: 't' } }, { metadata: { ...meta, managedFields: [{ manager: 'kubectl' }] } }))).toMatchObject({
      object: 'TaskRun ns/x',
      field: 'metadata.managedFields',
      message: expect.stringContaining('ObjectMeta has no such field (a field of Kubernetes after 1.12'),
    });
  });

  it('says when a field is from a later Tekton, and where it lived then', () => {
    expect(refusal(task({ params: [{ name: 'p' }], steps: [{ image: 'u' }] })).message).toBe(
      'unknown field "params": TaskSpec has no such field (did you mean "inputs.params"?; a field of later Tekton versions); Tekton\'s webhook refused the object',
    );
    expect(refusal(taskRun({ resources: [], taskRef: { name: 't' } })).message).toContain('(did you mean "inputs.resources" or "outputs.resources"?; a field of later Tekton versions)');
    expect(refusal(task({ steps: [{ image: 'u' }], workspaces: [{ name: 'w' }] })).message).toContain('TaskSpec has no such field (a field of later Tekton versions)');
  });

  it('suggests the closest field for a typo', () => {
    expect(refusal(task({ steps: [{ image: 'u', imagePullPolice: 'Always' }] })).message).toContain('(did you mean "imagePullPolicy"?)');
    expect(refusal(task({ steps: [{ image: 'u', volumeMount: [] }] })).message).toContain('(did you mean "volumeMounts"?)');
    expect(refusal(task({ steps: [{ image: 'u', resources: { limit: {} } }] }))).toMatchObject({ field: 'spec.steps[0].resources.limit', message: expect.stringContaining('ResourceRequirements has no such field (did you mean "limits"?)') });
  });

  it('suggests nothing when nothing is close', () => {
    expect(refusal(task({ steps: [{ image: 'u', zzz: 1 }] })).message).toBe('unknown field "zzz": Step has no such field; Tekton\'s webhook refused the object');
  });

  it('reports the first unknown field in document order and counts the others', () => {
    const e = refusal(taskRun({ taskSpec: { steps: [{ image: 'u', foo: 1 }, { image: 'v', bar: 2 }] }, zzz: 3 }, { status: { podname2: 'p' } }));
    expect(e.field).toBe('spec.taskSpec.steps[0].foo');
    expect(e.message).toMatch(/refused the object \(and 3 more unknown fields\)$/);
    expect(refusal(task({ steps: [{ image: 'u', foo: 1, bar: 2 }] })).message).toMatch(/\(and 1 more unknown field\)$/);
  });

  it('does not look inside an unknown field', () => {
    expect(refusal(task({ steps: [{ image: 'u', extra: { steps: [{ nope: 1 }] } }] })).message).not.toContain('more');
  });

  it('refuses an unknown field even when its value is null', () => {
    expect(refusal(task({ steps: [{ image: 'u', bogus: null }] })).field).toBe('spec.steps[0].bogus');
  });

  it('is the same through the CLI (render, explain) and the library', async () => {
    const { main } = await import('../../src/cli/main');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'taskpod-unknown-')), 'in.yaml');
    writeFileSync(file, 'apiVersion: tekton.dev/v1alpha1\nkind: TaskRun\nmetadata: {name: r}\nspec:\n  taskSpec:\n    steps:\n    - image: ubuntu\n      entrypoint: [bash]\n');
    for (const command of ['render', 'explain']) {
      let stderr = '';
      let stdout = '';
      const code = await main([command, '-f', file], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
      expect({ command, code, stdout }).toStrictEqual({ command, code: 1, stdout: '' });
      expect(stderr).toBe(`taskpod ${command}: TaskRun r: spec.taskSpec.steps[0].entrypoint: unknown field "entrypoint": Step has no such field (did you mean "command"?); Tekton's webhook refused the object\n`);
    }
  });
});

// ---------------------------------------------------------------------------
// Go's matching rules

describe("Go's rules for known names", () => {
  it('matches a field whatever the case, and renders it', () => {
    const o = accepted(taskRun({ taskSpec: { Steps: [{ IMAGE: 'u', workingdir: '/w', Command: ['x'] }] } }));
    expect(o.taskRuns[0]?.spec?.taskSpec?.steps).toStrictEqual([{ image: 'u', workingDir: '/w', command: ['x'] }]);
  });

  it('takes the Kelvin sign for k and the long s for s, as bytes.EqualFold did, and no other look-alike', () => {
    expect(goFold('\u212aind')).toBe('kind');
    expect(goFold('\u017fcript')).toBe('script');
    expect(accepted(task({ steps: [{ image: 'u', '\u017fcript': '#!/bin/sh' }] }, { '\u212aind': 'Task' })).tasks[0]?.spec?.steps?.[0]?.script).toBe('#!/bin/sh');
    // Dotless i and dotted capital I fold to i only in Turkish: not in Go.
    expect(refusal(task({ steps: [{ '\u0131mage': 'u' }] })).field).toBe('spec.steps[0]["\u0131mage"]');
    expect(refusal(task({ steps: [{ '\u0130mage': 'u' }] })).field).toBe('spec.steps[0]["\u0130mage"]');
  });

  it("knows a step's container fields (promoted from the embedded Container), and matches case below them", () => {
    const o = accepted(task({ steps: [{ image: 'u', securityContext: { RunAsUser: 1000 }, resources: { Limits: { cpu: '1' } }, env: [{ Name: 'A', Value: 'b' }] }] }));
    expect(o.tasks[0]?.spec?.steps?.[0]).toStrictEqual({ image: 'u', securityContext: { runAsUser: 1000 }, resources: { limits: { cpu: '1' } }, env: [{ name: 'A', value: 'b' }] });
  });

  it("knows the promoted fields of a resource declaration, a binding, a volume source and a probe's handler", () => {
    accepted(
      task({
        inputs: { resources: [{ name: 'src', type: 'git', targetPath: 'x' }] },
        outputs: { resources: [{ name: 'img', type: 'image', outputImageDir: '/o' }] },
        volumes: [{ name: 'v', configMap: { name: 'c' } }],
        steps: [{ image: 'u', livenessProbe: { exec: { command: ['true'] }, periodSeconds: 3 } }],
      }),
      taskRun({ inputs: { resources: [{ name: 'src', resourceRef: { name: 'r' }, paths: ['p'] }] }, taskRef: { name: 'x' } }),
    );
  });

  it('keys of maps (labels, annotations, requests, nodeSelector) are never unknown', () => {
    accepted(taskRun({ taskRef: { name: 't' }, podTemplate: { nodeSelector: { anything: 'x' } } }, { metadata: { ...meta, labels: { entrypoint: 'x' }, annotations: { zz: 'y' } } }));
  });
});

describe('status', () => {
  it("a TaskRun copied from a cluster, status and all, is admitted", () => {
    const o = accepted(
      taskRun(
        { taskRef: { name: 't' } },
        {
          status: {
            observedGeneration: 1,
            conditions: [{ type: 'Succeeded', status: 'True', severity: 'Error', lastTransitionTime: '2019-10-30T10:00:00Z', reason: 'Succeeded', message: 'All Steps have completed executing' }],
            podName: 'x-pod-abcdef',
            startTime: '2019-10-30T09:59:00Z',
            completionTime: '2019-10-30T10:00:00Z',
            steps: [{ name: 'a', container: 'step-a', imageID: 'docker-pullable://u@sha256:0', terminated: { exitCode: 0, reason: 'Completed', startedAt: '2019-10-30T09:59:30Z', finishedAt: '2019-10-30T10:00:00Z', containerID: 'docker://1' } }],
            cloudEvents: [{ target: 'http://sink', status: { condition: 'Sent', sentAt: '2019-10-30T10:00:00Z', message: '', retryCount: 1 } }],
            retriesStatus: [{ podName: 'x-pod-123456', retriesStatus: [{ podName: 'older' }] }],
            resourcesResult: [{ name: 'img', digest: 'sha256:1', key: 'digest', value: 'sha256:1', resourceRef: { name: 'r' } }],
          },
        },
      ),
    );
    expect(o.taskRuns[0]?.status?.retriesStatus?.[0]).toStrictEqual({ podName: 'x-pod-123456', retriesStatus: [{ podName: 'older' }] });
  });

  it('an unknown field in a status is refused like any other, at any depth, retries included', () => {
    expect(refusal(taskRun({ taskRef: { name: 't' } }, { status: { podname: 'p', phase: 'Running' } }))).toMatchObject({ field: 'status.phase', message: expect.stringContaining('TaskRunStatus has no such field') });
    expect(refusal(taskRun({ taskRef: { name: 't' } }, { status: { steps: [{ terminated: { exitcode: 0, bogus: 1 } }] } })).field).toBe('status.steps[0].terminated.bogus');
    expect(refusal(taskRun({ taskRef: { name: 't' } }, { status: { retriesStatus: [{ retriesStatus: [{ podNames: 'x' }] }] } }))).toMatchObject({
      field: 'status.retriesStatus[0].retriesStatus[0].podNames',
      message: expect.stringContaining('(did you mean "podName"?)'),
    });
  });

  it("a PipelineResource's status is an empty struct: {} is admitted, any field in it refused", () => {
    const resource = (status: unknown) => ({ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineResource', metadata: meta, spec: { type: 'git' }, status });
    accepted(resource({}));
    expect(refusal(resource({ ready: true }))).toMatchObject({ object: 'PipelineResource ns/x', field: 'status.ready' });
  });

  it('a Task had no status at all then', () => {
    expect(refusal(task({ steps: [{ image: 'u' }] }, { status: {} }))).toMatchObject({ object: 'Task ns/x', field: 'status', message: expect.stringContaining('Task has no such field') });
  });
});

describe('core kinds keep the lenient reading of the API server', () => {
  it.each([
    ['ServiceAccount', { secrets: [{ name: 's', bogus: 1 }], extra: true }],
    ['Secret', { type: 'Opaque', immutable: true }],
    ['ConfigMap', { data: { a: 'b' }, immutable: true }],
    ['Pod', { spec: { containers: [{ name: 'c', image: 'u', startupProbe: {} }], enableServiceLinks: true } }],
  ])('%s: unknown fields are dropped', (kind, body) => {
    const o = accepted({ apiVersion: 'v1', kind, metadata: { ...meta, managedFields: [] }, ...body });
    const { rawPods: _raw, ...decoded } = o;
    expect(JSON.stringify(decoded)).not.toMatch(/bogus|extra|immutable|managedFields|startupProbe|enableServiceLinks/);
  });
});

describe('suggestFields', () => {
  it.each([
    ['Step', 'entrypoint', ['command'], Step],
    ['Step', 'workdir', ['workingDir'], Step],
    ['Step', 'working_dir', ['workingDir'], Step],
    ['Step', 'environment', ['env'], Step],
    ['Step', 'limits', ['resources.limits'], Step],
    ['Step', 'runAsUser', ['securityContext.runAsUser'], Step],
    ['Container', 'scripts', [], Container],
    ['Container', 'comand', ['command'], Container],
    ['Container', 'arg', ['args'], Container],
    ['TaskSpec', 'params', ['inputs.params'], TaskSpec],
    ['TaskSpec', 'sidecar', ['sidecars'], TaskSpec],
    ['TaskRunSpec', 'steps', ['taskSpec.steps'], TaskRunSpec],
    ['TaskRunSpec', 'serviceAcount', ['serviceAccount'], TaskRunSpec],
    ['Volume', 'emptydirs', ['emptyDir'], Volume],
    ['ObjectMeta', 'label', ['labels'], ObjectMeta],
    ['ObjectMeta', 'zz', [], ObjectMeta],
  ] as const)('%s %s -> %j', (_name, name, expected, struct) => {
    expect(suggestFields(struct as StructType<t.Props>, name)).toStrictEqual(expected);
  });

  it('the alias value -> default applies where default is a field, and nowhere else', () => {
    const { ParamSpec, Param } = require('../../src/model/tekton') as typeof import('../../src/model/tekton');
    expect(suggestFields(ParamSpec, 'value')).toStrictEqual(['default']);
    expect(suggestFields(Param, 'default')).toStrictEqual(['value']);
  });
});
