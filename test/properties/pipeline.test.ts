/**
 * Properties of whole PipelineRuns (test/arbitraries/pipeline.ts): what
 * Tekton's PipelineRun and TaskRun controllers created, when every TaskRun
 * succeeds, for generated Pipelines — chains, fan-out, fan-in, diamonds,
 * random graphs of runAfter and from edges, conditions, retries, PVC and
 * bucket storage, params, per-task ServiceAccounts, long names — and that
 * every broken Pipeline is refused with one line naming the object and the
 * field. Expected values come from the generator's model and Tekton's
 * rules (cited), never from taskpod's code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { formatError } from '../../src/errors';
import type { Container, Pod } from '../../src/model/core';
import {
  breakPipeline,
  BrokenPipeline,
  brokenPipeline,
  cutBase,
  inputDestination,
  isArtifactKind,
  outputPath,
  PIPELINE_BREAKAGES,
  PipelineModel,
  PipelineScenario,
  pipelineScenario,
  PipelineTaskModel,
  predictedRuns,
  producerOutput,
} from '../arbitraries/pipeline';
import { deepFreeze } from '../helpers/deep-freeze';
import { isDns1123Label, isDns1123Subdomain, SUFFIX } from '../helpers/oracle';
import { expectMountsValid, expectNamesValid } from '../helpers/pod-checks';
import { expand, expandOk, Item, printedItems } from '../helpers/pipeline';
import { allContainers, toYaml } from '../helpers/render';
import { checkAsyncProperty, checkProperty } from '../helpers/runs';
import { runCli } from '../helpers/cli';
import { distIsFresh, twoCliRenders } from '../helpers/cli-process';

const CHECK_LABEL = 'tekton.dev/conditionCheck';
const TASK_LABEL = 'tekton.dev/pipelineTask';
const RUN_LABEL = 'tekton.dev/pipelineRun';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The items as printed, read back by kind and label: each TaskRun with the Pod after it. */
interface Created {
  readonly taskRun: Item;
  readonly pod: Pod & Item;
  readonly task: string;
  /** For a condition check: its place among the task's conditions (found by the params only that condition has). */
  readonly check?: number;
}

function readItems(s: PipelineScenario, items: readonly Item[]): { readonly claim?: Item; readonly created: Created[]; readonly runName: string } {
  const claim = items[0]?.kind === 'PersistentVolumeClaim' ? items[0] : undefined;
  const rest = items.slice(claim === undefined ? 0 : 1);
  const created: Created[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const taskRun = rest[i]!;
    const pod = rest[i + 1] as Pod & Item;
    const task = taskRun.metadata.labels?.[TASK_LABEL] ?? '';
    const isCheck = taskRun.metadata.labels?.[CHECK_LABEL] !== undefined;
    const t = s.model.tasks.find((x) => x.name === task);
    const p0 = ((taskRun.spec.inputs as { params?: { name: string; value: unknown }[] } | undefined)?.params ?? []).find((p) => p.name === 'p0')?.value;
    const check = isCheck ? (t?.conditions ?? []).findIndex((c) => c.expectedParams[0]!.value === p0) : undefined;
    created.push({ taskRun, pod, task, ...(check !== undefined ? { check } : {}) });
  }
  const runName = s.model.name ?? created[0]?.taskRun.metadata.labels?.[RUN_LABEL] ?? '';
  return { ...(claim !== undefined ? { claim } : {}), created, runName };
}

function taskRunOf(created: readonly Created[], task: string): Created {
  const found = created.filter((c) => c.task === task && c.check === undefined);
  expect({ task, taskRuns: found.length }).toEqual({ task, taskRuns: 1 });
  return found[0]!;
}

type Binding = { name: string; paths?: string[] };
const bindings = (tr: Item, dir: 'inputs' | 'outputs'): Binding[] => ((tr.spec[dir] as { resources?: Binding[] } | undefined)?.resources ?? []);

/** The `-args` text of every container: the command a copy step runs. */
function argTexts(pod: Pod): { readonly container: Container; readonly text: string }[] {
  return allContainers(pod).flatMap((c) => {
    const args = c.args ?? [];
    const i = args.indexOf('-args');
    return i >= 0 && i + 1 < args.length ? [{ container: c, text: args[i + 1]! }] : [];
  });
}

const claimName = (runName: string) => `${runName}-pvc`;

/**
 * The copy steps Tekton's artifact storage makes (artifact_pvc.go and
 * artifact_bucket.go at 6c132b937e, as the conformance cases
 * output-pipelinerun and output-pipelinerun.bucket show them): reading a
 * path into an input's directory, and writing an output's directory to it.
 */
function copyFrom(model: PipelineModel, path: string, destination: string): string {
  return model.storage === 'pvc' ? `cp -r ${path}/. ${destination}` : `cp -P -r ${model.bucketLocation}/${path}/* ${destination}`;
}
function copyTo(model: PipelineModel, output: string, path: string): string[] {
  const source = `/workspace/output/${output}`;
  return model.storage === 'pvc' ? [`mkdir -p ${path}`, `cp -r ${source}/. ${path}`] : [`cp -P -r ${source} ${model.bucketLocation}/${path}`];
}

function expectCopy(pod: Pod, text: string, model: PipelineModel, runName: string): void {
  const found = argTexts(pod).filter((a) => a.text === text);
  expect({ pod: pod.metadata?.name, text, found: found.length > 0 }).toEqual({ pod: pod.metadata?.name, text, found: true });
  if (model.storage === 'pvc') {
    for (const f of found) expect(f.container.volumeMounts).toContainEqual({ name: claimName(runName), mountPath: '/pvc' });
    expect(pod.spec?.volumes).toContainEqual({ name: claimName(runName), persistentVolumeClaim: { claimName: claimName(runName) } });
  }
}

const scenarios = () => pipelineScenario();

describe('PipelineRuns', () => {
  // Protects: valid PipelineRuns expand, and completely — every pipeline
  // task gets exactly one TaskRun (each succeeds, so none is retried or
  // skipped) and every condition exactly one check TaskRun, carrying its
  // own condition's params (DEVIATIONS.md item 12), each followed by a Pod.
  it('every pipeline task gets one TaskRun, every condition one check', () => {
    checkProperty('pipeline: one TaskRun per task, one check per condition', 25, fc.property(scenarios(), (s) => {
      const items = printedItems(expandOk(s));
      const { created } = readItems(s, items);
      const checks = s.model.tasks.reduce((n, t) => n + t.conditions.length, 0);
      expect(created.length).toBe(s.model.tasks.length + checks);
      expect(items.length).toBe(2 * created.length + (s.model.storage === 'pvc' ? 1 : 0));
      for (const t of s.model.tasks) {
        taskRunOf(created, t.name);
        t.conditions.forEach((c, k) => {
          const mine = created.filter((x) => x.task === t.name && x.check === k);
          expect({ task: t.name, condition: k, checks: mine.length }).toEqual({ task: t.name, condition: k, checks: 1 });
          const tr = mine[0]!.taskRun;
          expect((tr.spec.inputs as { params?: unknown } | undefined)?.params).toEqual(c.expectedParams);
          expect(tr.spec.taskRef).toBeUndefined();
          expect(tr.spec.taskSpec).toBeDefined();
        });
      }
      expect(created.filter((c) => c.check === -1)).toEqual([]);
    }));
  });

  // Protects: `from` (DEVIATIONS.md item 11) — an input read from a task
  // carries, in its TaskRun binding, the storage path that task's output
  // bound to the same resource was written to (the producer's TaskRun
  // binding has that very string), in the order of `from`; in the Pods,
  // for git and storage resources, the producer copies its output there
  // and the reader copies it from there into the input's directory (with
  // the claim mounted, for PVC storage). Other types (image) get the paths
  // but no copy steps, as Tekton's allowedOutputResources says.
  it('every `from` input reads the path its producer wrote, in the TaskRuns and in the Pods', () => {
    checkProperty('pipeline: from reads what the producer wrote', 25, fc.property(scenarios(), (s) => {
      const { created, runName } = readItems(s, printedItems(expandOk(s)));
      const kindOf = (resource: string) => s.model.resources.find((r) => r.name === resource)!.kind;
      for (const t of s.model.tasks) {
        const mine = taskRunOf(created, t.name);
        // Every output is written to <base>/<task>/<output>.
        expect(bindings(mine.taskRun, 'outputs').map((b) => [b.name, b.paths])).toEqual(t.outputs.map((o) => [o.name, [outputPath(s.model, runName, t.name, o.name)]]));
        const inputs = bindings(mine.taskRun, 'inputs');
        expect(inputs.map((b) => b.name)).toEqual(t.inputs.map((i) => i.name));
        for (const input of t.inputs) {
          const binding = inputs.find((b) => b.name === input.name)!;
          if (input.from.length === 0) {
            expect(binding.paths).toBeUndefined();
            continue;
          }
          const expected = input.from.map((p) => outputPath(s.model, runName, p, producerOutput(s.model, p, input.resource).name));
          expect(binding.paths).toEqual(expected);
          input.from.forEach((producer, k) => {
            const path = binding.paths![k]!;
            const out = producerOutput(s.model, producer, input.resource);
            const made = taskRunOf(created, producer);
            expect(bindings(made.taskRun, 'outputs').find((b) => b.name === out.name)?.paths).toEqual([path]);
            if (isArtifactKind(kindOf(input.resource))) {
              expectCopy(mine.pod, copyFrom(s.model, path, inputDestination(input)), s.model, runName);
              for (const text of copyTo(s.model, out.name, path)) expectCopy(made.pod, text, s.model, runName);
            } else {
              for (const pod of [mine.pod, made.pod]) expect(argTexts(pod).filter((a) => a.text.includes(path))).toEqual([]);
            }
          });
        }
      }
    }));
  });

  // Protects: the order of creation — the claim first (PVC storage; none
  // for a bucket), then each TaskRun immediately followed by its Pod;
  // every TaskRun in a later reconcile than every task it depends on
  // (runAfter and from); a task's condition checks before its TaskRun, one
  // reconcile earlier; within a reconcile, tasks in declaration order
  // (the model's prediction, test/arbitraries/pipeline.ts predictedRuns).
  it('creation order respects runAfter, from and conditions; each TaskRun is followed by its Pod', () => {
    checkProperty('pipeline: creation order', 25, fc.property(scenarios(), (s) => {
      const x = expandOk(s);
      const items = printedItems(x);
      const { claim, created, runName } = readItems(s, items);
      if (s.model.storage === 'pvc') {
        expect(claim?.metadata.name).toBe(claimName(runName));
        expect(claim?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'PipelineRun', name: runName });
      } else {
        expect(claim).toBeUndefined();
      }
      expect(items.filter((i) => i.kind === 'PersistentVolumeClaim').length).toBe(s.model.storage === 'pvc' ? 1 : 0);
      for (const c of created) {
        expect([c.taskRun.kind, c.pod.kind]).toEqual(['TaskRun', 'Pod']);
        expect(c.pod.metadata.labels?.['tekton.dev/taskRun']).toBe(c.taskRun.metadata.name);
        expect(c.pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'TaskRun', name: c.taskRun.metadata.name });
      }
      // The order, against the model's prediction.
      const predicted = predictedRuns(s.model);
      expect(created.map((c) => [c.task, c.check])).toEqual(predicted.map((p) => [p.task, p.check]));
      // The waves taskpod reports: each TaskRun later than all it depends on; checks one wave before their TaskRun.
      expect(x.created.map((c) => c.wave)).toEqual(predicted.map((p) => p.wave));
      const waveOf = (task: string) => x.created.find((c) => c.pipelineTask === task && c.conditionCheck === undefined)!.wave;
      const position = (task: string) => x.created.findIndex((c) => c.pipelineTask === task && c.conditionCheck === undefined);
      for (const t of s.model.tasks) {
        for (const d of t.deps) {
          expect({ task: t.name, after: d, later: waveOf(t.name) > waveOf(d) }).toEqual({ task: t.name, after: d, later: true });
        }
        x.created.forEach((c, i) => {
          if (c.pipelineTask !== t.name || c.conditionCheck === undefined) return;
          expect({ check: c.taskRun.metadata?.name, before: i < position(t.name), wave: c.wave }).toEqual({ check: c.taskRun.metadata?.name, before: true, wave: waveOf(t.name) - 1 });
        });
      }
    }));
  });

  // Protects: the names Tekton generated (RestrictLengthWithRandomSuffix):
  // a TaskRun is `<run>-<task>` cut to 57 characters, `-` and five
  // characters; a check `<taskrun>-<condition>` likewise; all unique
  // DNS-1123 labels of at most 63 characters, whatever the length of the
  // run and task names (tasks that share a long prefix meet at the cut).
  // Pods: Tekton named them `<taskrun>-pod-<6 hex>` (pod.go), up to 74
  // characters: more than a label allows, but a Pod's name need only be a
  // DNS-1123 subdomain (253), which it is; names unique. The containers and
  // volumes of every Pod (the claim's volume `<run>-pvc` included) are
  // valid and unique, every mount declared.
  it('TaskRun names are unique DNS-1123 labels of Tekton\'s shape; Pod names unique and valid', () => {
    checkProperty('pipeline: names', 20, fc.property(scenarios(), (s) => {
      const { created, runName } = readItems(s, printedItems(expandOk(s)));
      if (s.model.generateName !== undefined) expect(runName).toMatch(new RegExp(`^${escapeRegExp(s.model.generateName)}[a-z0-9]{5}$`));
      const names = created.map((c) => c.taskRun.metadata.name);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect({ name: n, label: isDns1123Label(n) }).toEqual({ name: n, label: true });
      for (const c of created) {
        const tr = c.taskRun.metadata.name;
        if (c.check === undefined) {
          expect(tr).toMatch(new RegExp(`^${escapeRegExp(cutBase(`${runName}-${c.task}`))}-${SUFFIX}$`));
        } else {
          const owner = taskRunOf(created, c.task).taskRun.metadata.name;
          const condition = s.model.tasks.find((t) => t.name === c.task)!.conditions[c.check]!.conditionRef;
          expect(tr).toMatch(new RegExp(`^${escapeRegExp(cutBase(`${owner}-${condition}`))}-${SUFFIX}$`));
          expect(c.taskRun.metadata.labels?.[CHECK_LABEL]).toBe(tr);
        }
        const pod = c.pod.metadata.name;
        expect(pod).toMatch(new RegExp(`^${escapeRegExp(tr)}-pod-[0-9a-f]{6}$`));
        expect({ pod, subdomain: isDns1123Subdomain(pod) }).toEqual({ pod, subdomain: true });
        expectNamesValid(c.pod);
        expectMountsValid(c.pod);
      }
      const pods = created.map((c) => c.pod.metadata.name);
      expect(new Set(pods).size).toBe(pods.length);
    }));
  });

  // Protects: what each TaskRun is told — its params are the pipeline
  // task's, with `$(params.x)` replaced by the PipelineRun's value or the
  // Pipeline's default (left as written when there is neither), in order;
  // its ServiceAccount is the task's `serviceAccountNames` entry (the last
  // one naming it), else the run's `serviceAccountName` (or deprecated
  // `serviceAccount`), for its checks too; its Pod runs as that account
  // (GetServiceAccountName in pipelinerun_types.go; ApplyParameters in
  // resources/apply.go at 6c132b937e).
  it('each TaskRun gets its params substituted and its own ServiceAccount', () => {
    checkProperty('pipeline: params and ServiceAccounts', 20, fc.property(scenarios(), (s) => {
      const { created } = readItems(s, printedItems(expandOk(s)));
      const taskOf = (name: string): PipelineTaskModel => s.model.tasks.find((t) => t.name === name)!;
      for (const c of created) {
        const t = taskOf(c.task);
        expect({ taskRun: c.taskRun.metadata.name, sa: c.taskRun.spec.serviceAccountName }).toEqual({ taskRun: c.taskRun.metadata.name, sa: t.serviceAccount });
        expect(c.pod.spec?.serviceAccountName ?? '').toBe(t.serviceAccount);
        if (c.check !== undefined) continue;
        const params = (c.taskRun.spec.inputs as { params?: unknown } | undefined)?.params;
        const expected = t.params.filter((p) => p.given !== undefined).map((p) => ({ name: p.name, value: p.expected }));
        expect(params ?? []).toEqual(expected);
        expect(c.taskRun.spec.taskRef).toEqual({ name: t.taskName, ...(t.taskKind !== '' ? { kind: t.taskKind } : {}) });
      }
    }));
  });

  // Protects: purity — the same input expands to the same items byte for
  // byte (generated names included), the input is never written (a
  // deep-frozen input expands the same), and errors are as stable.
  it('is deterministic in one process and never mutates its input', () => {
    checkProperty('pipeline: purity', 15, fc.property(fc.oneof(scenarios(), brokenPipeline()), (s) => {
      const input = { docs: s.docs, config: s.config };
      const before = structuredClone(input);
      const a = JSON.stringify(E.map((x: { items: unknown }) => x.items)(expand(structuredClone(input))));
      expect(JSON.stringify(E.map((x: { items: unknown }) => x.items)(expand(deepFreeze(input))))).toBe(a);
      expect(input).toEqual(before);
    }));
  });

  // Protects: determinism across processes — two `taskpod render`
  // processes print the same List (no per-process randomness), and it is
  // the in-process expansion when dist/ is built from the current src/.
  // (Skipped under Stryker: the CLI processes run dist/, which it does not mutate.)
  (process.env.TASKPOD_PROPERTY_RUNS === 'mutation' ? describe.skip : describe)('across processes', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'taskpod-pipeline-det-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('two `taskpod render` processes print the same List', async () => {
      const fresh = distIsFresh();
      let n = 0;
      await checkAsyncProperty('pipeline: determinism across processes', 2, fc.asyncProperty(scenarios(), async (s) => {
        const [a, b] = await twoCliRenders(dir, String(n++), s.docs, s.config);
        expect(b).toBe(a);
        const list = JSON.parse(a) as { kind: string; items: unknown[] };
        expect(list.kind).toBe('List');
        if (fresh) expect(list.items).toEqual(printedItems(expandOk(s)));
      }), { timeout: 60_000 });
    });
  });
});


describe('broken Pipelines are refused', () => {
  /** The library's refusal, checked against where the breakage says it must point. */
  function expectRefusal(b: BrokenPipeline): string {
    let r: ReturnType<typeof expand>;
    try {
      r = expand(b);
    } catch (e) {
      throw new Error(`"${b.breakage}" made expandPipelineRun throw: ${e instanceof Error ? `${e.stack}` : String(e)}`);
    }
    if (E.isRight(r)) throw new Error(`"${b.breakage}" was expanded (${r.right.items.length} items), not refused`);
    const e = r.left;
    const got = { breakage: b.breakage, object: e.object, field: e.field, message: e.message };
    expect(got).toEqual({
      breakage: b.breakage,
      object: typeof b.expected.object === 'string' ? b.expected.object : expect.stringMatching(b.expected.object),
      field: b.expected.field,
      message: expect.stringMatching(b.expected.message),
    });
    const line = formatError(e);
    // `Kind ns/name: field: message`, on one line.
    expect(line).toMatch(/^[A-Z][A-Za-z]+ [a-z0-9-]+\/[^\s:]+: [^\s:]+: [^\n]+$/);
    expect(line).toBe(`${e.object}: ${e.field}: ${e.message}`);
    return line;
  }

  // Protects: every kind of broken Pipeline (a cycle, runAfter or from
  // naming no task, from naming a task that does not output the resource,
  // a task named twice, a Task param left unset, a declared resource left
  // unbound, a missing Task, Condition or ServiceAccount, a PipelineRun
  // param of the wrong type, a task name no TaskRun can have) is refused —
  // never expanded in part, never a throw — with the object and field
  // where the user fixes it, in formatError's one-line shape.
  it('each breakage: refused, naming the object and the field', () => {
    checkProperty('pipeline: broken pipelines refused', 50, fc.property(brokenPipeline(), (b) => void expectRefusal(b)));
  });

  // Protects: every breakage is reached, whatever fast-check draws.
  it('each kind of breakage is refused at least once (a deterministic sweep)', () => {
    const samples = fc.sample(pipelineScenario({ named: true, maxTasks: 4 }), { numRuns: 8, seed: 16 });
    const seen = new Set<string>();
    for (const [i, s] of samples.entries()) {
      for (const breakage of PIPELINE_BREAKAGES) {
        const b = breakPipeline(s, breakage, i);
        if (b === undefined) continue;
        expectRefusal(b);
        seen.add(breakage);
      }
    }
    expect([...seen].sort()).toEqual([...PIPELINE_BREAKAGES].sort());
  });

  describe('by the CLI', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'taskpod-pipeline-cli-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    // Protects: the CLI contract for a refused PipelineRun — exit 1,
    // nothing on standard output (no partial List), one line on standard
    // error: the command, then the library's error line.
    it('exit 1, nothing on stdout, one line on stderr', async () => {
      let n = 0;
      await checkAsyncProperty('pipeline: CLI refusals', 15, fc.asyncProperty(brokenPipeline(), async (b) => {
        const line = expectRefusal(b);
        const input = join(dir, `in-${n}.yaml`);
        const config = join(dir, `config-${n++}.yaml`);
        writeFileSync(input, toYaml(b.docs));
        writeFileSync(config, toYaml([b.config]));
        const { code, stdout, stderr } = await runCli(['render', '-f', input, '--config', config, '-o', 'json']);
        expect({ breakage: b.breakage, code, stdout, stderr }).toEqual({ breakage: b.breakage, code: 1, stdout: '', stderr: `taskpod render: ${line}\n` });
      }));
    });
  });
});
