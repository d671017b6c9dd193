/**
 * Bad input never crashes taskpod: arbitrary JSON and YAML, near-valid
 * objects, hostile keys, very long strings and deep nesting give a typed
 * error or a Pod — never an exception, never prototype pollution — and the
 * CLI answers with an exit code and one line, never a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { runCli } from '../helpers/cli';
import type { TaskpodError } from '../../src/errors';
import { collectObjects } from '../../src/input/objects';
import { parseDocuments } from '../../src/input/yaml';
import { anyJson, BREAKAGE_NAMES, deepNesting, everyBreakage, hostileScenario, nearValid, objectLike, unknownFieldAnywhere, yamlishText } from '../arbitraries/broken';
import { scenario } from '../arbitraries/taskrun';
import { unicodeText } from '../arbitraries/text';
import { render, RenderInput, toYaml } from '../helpers/render';
import { checkAsyncProperty, checkProperty } from '../helpers/runs';

const TAGS = ['InvalidInput', 'Invalid', 'Unresolved', 'Refused', 'InvalidConfig'];

/** Renders, failing the test on a throw; returns the Either. */
function safeRender(input: RenderInput): E.Either<TaskpodError, unknown> {
  let r: E.Either<TaskpodError, unknown>;
  try {
    r = render(input);
  } catch (e) {
    throw new Error(`render threw: ${e instanceof Error ? `${e.stack}` : String(e)}`);
  }
  if (E.isLeft(r)) expectTypedError(r.left);
  return r;
}

function expectTypedError(e: TaskpodError): void {
  expect(TAGS).toContain(e._tag);
  expect(typeof e.object).toBe('string');
  expect(typeof e.field).toBe('string');
  expect(e.message.length).toBeGreaterThan(0);
}

/** Nothing reachable from a fresh object was added to its prototype chain. */
function expectNoPollution(): void {
  const probe: Record<string, unknown> = {};
  for (const k of ['polluted', 'x', 'app', '0']) expect(probe[k]).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(typeof probe.toString).toBe('function');
  expect(typeof probe.hasOwnProperty).toBe('function');
  expect(({} as { constructor: unknown }).constructor).toBe(Object);
}

let protoSnapshot: string[];
beforeAll(() => {
  protoSnapshot = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterEach(() => {
  expectNoPollution();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoSnapshot);
});

describe('bad input gives a typed error, never a throw', () => {
  // Protects: near-valid input (one field broken) is refused with a typed
  // error naming the object, field and reason — or, for odd but well-typed
  // values, rendered — and never makes taskpod throw.
  it('near-valid inputs: a typed error (always, when the input is invalid) or a Pod', () => {
    checkProperty('near-valid inputs', 200, fc.property(nearValid(), (b) => {
      const r = safeRender(b);
      if (b.mustRefuse && E.isRight(r)) throw new Error(`"${b.breakage}" was rendered, not refused`);
    }));
  });

  // Protects: every breakage is reached and refused at least once, whatever
  // fast-check happened to draw (a deterministic sweep over all of them).
  it('each kind of breakage is refused', () => {
    const samples = fc.sample(scenario({ maxSteps: 3 }), { numRuns: 5, seed: 42 });
    const seen = new Set<string>();
    for (const [i, s] of samples.entries()) {
      for (const b of everyBreakage(s, i)) {
        const r = safeRender(b);
        if (b.mustRefuse) expect({ breakage: b.breakage, refused: E.isLeft(r) }).toEqual({ breakage: b.breakage, refused: true });
        seen.add(b.breakage);
      }
    }
    expect([...seen].sort()).toEqual([...BREAKAGE_NAMES].sort());
  });

  // Protects: Tekton's webhook decoded its kinds strictly — a field the Go
  // types do not have, put at any depth of a TaskRun, Task, ClusterTask or
  // PipelineResource (metadata, spec, steps, volumes, bindings, params...),
  // is refused, never rendered, with an error naming the object, the path
  // and the name.
  it('an unknown field at a random depth of a Tekton object: refused, naming it', () => {
    checkProperty('unknown field anywhere', 200, fc.property(unknownFieldAnywhere(), ({ docs, config, placed }) => {
      const r = safeRender({ docs, config });
      if (E.isRight(r)) throw new Error(`unknown field ${placed.path} of a ${placed.kind} was rendered, not refused`);
      expect(r.left).toMatchObject({ _tag: 'InvalidInput', object: expect.stringMatching(new RegExp(`^${placed.kind} `)), field: placed.path });
      expect(r.left.message).toContain(`unknown field ${JSON.stringify(placed.name)}`);
    }));
  });

  // Protects: any JSON document stream — arbitrary values, and objects that
  // look like the kinds taskpod reads but hold anything — is decoded or
  // refused, never crashes the decoder or the render.
  it('arbitrary JSON documents', () => {
    checkProperty('arbitrary JSON', 300, fc.property(fc.array(fc.oneof(anyJson(), objectLike()), { maxLength: 4 }), anyJson(), (docs, config) => {
      safeRender({ docs, config });
      safeRender({ docs });
    }));
  });

  // Protects: any YAML-ish text (anchors, aliases, tags, merge keys,
  // directives, broken syntax) is parsed or refused with a typed error.
  it('arbitrary YAML text', () => {
    checkProperty('arbitrary YAML', 300, fc.property(fc.oneof(yamlishText(), unicodeText(200)), (text) => {
      let docs: E.Either<TaskpodError, unknown[]>;
      try {
        docs = parseDocuments(text, 'input.yaml');
      } catch (e) {
        throw new Error(`parseDocuments threw: ${String(e)}`);
      }
      if (E.isLeft(docs)) expectTypedError(docs.left);
      else safeRender({ docs: docs.right });
    }));
  });

  // Protects: `__proto__`, `constructor` and friends as keys of labels,
  // annotations, nodeSelector, env, params and imageEntrypoints are kept as
  // ordinary data and never reach Object.prototype.
  it('hostile keys stay data: no prototype pollution', () => {
    checkProperty('hostile keys', 150, fc.property(hostileScenario(), (s) => {
      const r = safeRender(s);
      if (E.isRight(r)) {
        const pod = r.right as { metadata: { labels: object; annotations: object } };
        expect(Object.getPrototypeOf(pod.metadata.labels)).toBe(Object.prototype);
        expect(Object.getPrototypeOf(pod.metadata.annotations)).toBe(Object.prototype);
        const runLabels = (s.docs[0] as { metadata: { labels: Record<string, string> } }).metadata.labels;
        for (const k of Object.keys(runLabels)) {
          expect(Object.prototype.hasOwnProperty.call(pod.metadata.labels, k)).toBe(true);
        }
      }
    }));
  });

  // Protects: the same hostile keys written as YAML text (where the parser
  // itself builds the objects) are equally harmless.
  it('hostile keys in YAML text', () => {
    checkProperty('hostile keys in YAML', 100, fc.property(hostileScenario(), (s) => {
      const docs = parseDocuments(toYaml(s.docs), 'input.yaml');
      if (E.isLeft(docs)) expectTypedError(docs.left);
      else safeRender({ docs: docs.right, config: s.config });
    }));
  });

  // Protects: very long strings (names, images, working dirs, scripts, env,
  // labels of up to a megabyte) are handled in reasonable time and never
  // crash; those that stay valid still render.
  it('very long strings', () => {
    const fields = ['name', 'image', 'workingDir', 'script', 'env', 'label', 'param'] as const;
    checkProperty('very long strings', 20, fc.property(scenario({ maxSteps: 2 }), fc.constantFrom(1_000, 100_000, 1_000_000), fc.constantFrom('a', '$', '-', '\n', 'é'), fc.subarray([...fields], { minLength: 1 }), (s, n, c, which) => {
      const long = c.repeat(n);
      const docs = structuredClone(s.docs);
      const run = docs[0] as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
      const spec = (run.spec.taskSpec ?? (docs.find((d) => d.kind === 'Task' || d.kind === 'ClusterTask') as { spec: unknown }).spec) as { steps: Record<string, unknown>[] };
      const step = spec.steps[0]!;
      for (const f of which) {
        if (f === 'name') step.name = long.slice(0, 10_000);
        if (f === 'image') step.image = long;
        if (f === 'workingDir') step.workingDir = `/workspace/${long}`;
        if (f === 'script') Object.assign(step, { script: `#!/bin/sh\n${long}`, command: undefined, args: undefined });
        if (f === 'env') step.env = [{ name: 'LONG', value: long }];
        if (f === 'label') run.metadata.labels = { [long.slice(0, 1000)]: long };
        if (f === 'param') run.spec.inputs = { params: [{ name: 'x', value: long }] };
      }
      const started = Date.now();
      safeRender({ docs, config: s.config });
      expect(Date.now() - started).toBeLessThan(20_000);
    }));
  });

  // Protects: deeply nested JSON/YAML (thousands of levels) is refused or
  // read, never a stack overflow escaping as an exception.
  it('deep nesting', () => {
    checkProperty('deep nesting', 20, fc.property(deepNesting(), fc.boolean(), (text, inside) => {
      const body = inside ? `{"kind":"TaskRun","metadata":{"name":"x"},"spec":{"taskSpec":{"steps":[{"image":"u","bogus":${text}}]}}}` : text;
      const docs = parseDocuments(body, 'input.json');
      if (E.isLeft(docs)) expectTypedError(docs.left);
      else {
        const objects = collectObjects(docs.right, () => 'input.json');
        if (E.isLeft(objects)) expectTypedError(objects.left);
        safeRender({ docs: docs.right });
      }
    }));
  });
});

describe('the CLI on bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'taskpod-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (argv: readonly string[]) => runCli(argv);

  /** One line on standard error: the command, then the reason; no stack trace. */
  function expectOneLine(stderr: string): void {
    expect(stderr).toMatch(/^taskpod render: [^\n]+\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }

  let n = 0;
  function file(text: string): string {
    const p = join(dir, `in-${n++}.yaml`);
    writeFileSync(p, text);
    return p;
  }

  // Protects: for any refused input the CLI exits 1 with exactly one line on
  // standard error naming where and why (even when the reason quotes user
  // text with newlines), prints nothing on standard output, never a stack.
  it('a refused input: exit 1, one line naming the place and the reason', async () => {
    await checkAsyncProperty('CLI refusals', 100, fc.asyncProperty(fc.oneof(nearValid().filter((b) => b.mustRefuse).map((b) => toYaml(b.docs)), yamlishText()), async (text) => {
      const r = await cli(['render', '-f', file(text)]);
      if (r.code === 0) return; // yamlish text may happen to be a valid input
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expectOneLine(r.stderr);
    }));
  });

  // Protects: a reason quoting user text with line breaks still fits on one line.
  it('a reason quoting a name with a newline stays on one line', async () => {
    const text = toYaml([{ apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', metadata: { name: 'r' }, spec: { taskSpec: { steps: [{ name: 'bad\nname', image: 'u', command: ['x'] }] } } }, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }]);
    const r = await cli(['render', '-f', file(text)]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('spec.taskSpec.steps[0].name');
  });

  // Protects: --max-input-bytes — input over the limit is refused before it
  // is parsed (naming the file and the limit); input at the limit is read.
  it('--max-input-bytes refuses input over the limit and reads input at it', async () => {
    const s = fc.sample(scenario({ maxSteps: 1 }), { numRuns: 1, seed: 7 })[0]!;
    const text = toYaml(s.docs);
    const size = Buffer.byteLength(text);
    const config = join(dir, 'limits-config.yaml');
    writeFileSync(config, toYaml([s.config]));
    await checkAsyncProperty('--max-input-bytes', 20, fc.asyncProperty(fc.integer({ min: 1, max: 2 * size }), async (limit) => {
      const f = file(text);
      const r = await cli(['render', '-f', f, '--config', config, '--max-input-bytes', String(limit)]);
      if (limit < size) {
        expect(r.code).toBe(1);
        expectOneLine(r.stderr);
        expect(r.stderr).toContain(f);
        expect(r.stderr).toContain(`over the limit of ${limit}`);
      } else {
        expect(r.code).toBe(0);
      }
    }));
  });

  // Protects: the 16 MiB default of --max-input-bytes.
  it('--max-input-bytes defaults to 16 MiB', async () => {
    const big = file(`# ${'x'.repeat(16 * 1024 * 1024)}\n`);
    const r = await cli(['render', '-f', big]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('over the limit of 16777216');
  });

  // Protects: --max-aliases — a document whose k aliases stay within the
  // limit is read; one over it is refused with a hint to raise the limit;
  // the default (100) stops a "billion laughs" document at once.
  it('--max-aliases: k aliases are read iff k <= the limit', async () => {
    await checkAsyncProperty('--max-aliases', 30, fc.asyncProperty(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), async (k, limit) => {
      const aliases = Array.from({ length: k }, (_, i) => `    a${i}: *v`).join('\n');
      const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n    v: &v value\n${aliases}\n`;
      const r = await cli(['render', '-f', file(text), '--max-aliases', String(limit)]);
      expect(r.code).toBe(1);
      expectOneLine(r.stderr);
      if (k <= limit) expect(r.stderr).toContain('no TaskRun found');
      else expect(r.stderr).toContain('--max-aliases');
    }));
  });

  it('the default alias limit stops a billion-laughs document', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(97 + i - 1);
      const q = String.fromCharCode(97 + i);
      lines.push(`${q}: &${q} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const started = Date.now();
    const r = await cli(['render', '-f', file(`${lines.join('\n')}\n`)]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('--max-aliases');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  // Protects: the limits' own values are checked: not a positive whole
  // number is a usage error (exit 2).
  it('bad limit values are usage errors', async () => {
    for (const v of ['0', '-1', 'abc', '1.5', '']) {
      for (const flag of ['--max-input-bytes', '--max-aliases']) {
        const r = await cli(['render', '-f', 'x.yaml', flag, v]);
        expect({ flag, v, code: r.code }).toEqual({ flag, v, code: 2 });
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    }
  });

  // Protects: files that cannot be read give one line naming the file.
  it('a missing file or a directory: exit 1, one line naming it', async () => {
    for (const f of [join(dir, 'no-such.yaml'), dir]) {
      const r = await cli(['render', '-f', f]);
      expect(r.code).toBe(1);
      expectOneLine(r.stderr);
      expect(r.stderr).toContain(f);
    }
  });
});
