// Writes test/input/data/strict-decode-cases.json to standard output: the Tekton
// objects of fixtures/*/input.yaml as the webhook received them (JSON), each
// also with fields put in at random struct positions (the positions found
// with Go's own field table, test/input/data/go-fields.json, not with
// taskpod's codecs): names Go did not know, the same field in another case
// or with the Kelvin sign / long s, and look-alikes Go did not fold; then
// hand-written cases for the rules of case folding and embedded structs.
// Each case gets Go's answer from DECODE (the harness/decode program; see
// README.md).
//
// Usage (after npm run build): node make-cases.mjs DECODE [seed] > FILE
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { parseDocuments } = require(join(root, 'dist', 'input', 'yaml.js'));
const { types, roots } = JSON.parse(readFileSync(join(root, 'test', 'input', 'data', 'go-fields.json'), 'utf8'));

// mulberry32: a small seeded generator, so the same seed gives the same file.
const [decode, seed = '13'] = process.argv.slice(2);
if (decode === undefined) throw new Error('usage: node make-cases.mjs DECODE [seed]');
let state = Number(seed) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let x = state;
  x = Math.imul(x ^ (x >>> 15), x | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const TEKTON = new Set(Object.keys(roots));
const isObject = (u) => typeof u === 'object' && u !== null && !Array.isArray(u);

/** Every object of `doc` whose Go type is a struct, with that type. */
function structsOf(value, typeId, out) {
  const ty = types[typeId];
  if (ty === undefined) return out;
  if (ty.kind === 'struct' && isObject(value)) {
    out.push({ value, ty });
    for (const [k, v] of Object.entries(value)) {
      const f = ty.fields?.[k];
      if (f !== undefined) structsOf(v, f, out);
    }
  } else if (ty.kind === 'list' && Array.isArray(value)) for (const v of value) structsOf(v, ty.elem, out);
  else if (ty.kind === 'map' && isObject(value)) for (const v of Object.values(value)) structsOf(v, ty.elem, out);
  return out;
}

const UNKNOWN = ['zzUnknown', 'entrypoint', 'startupProbe', 'managedFields', 'x-y', 'phase', 'description', 'workspaces'];

/** A name the struct `ty` does or does not know, and a value for it. */
function injection(target, ty) {
  const fields = Object.keys(ty.fields ?? {}).filter((f) => types[ty.fields[f]]?.kind !== 'opaque');
  const field = fields.length > 0 ? pick(fields) : undefined;
  const value = field !== undefined && field in target ? target[field] : null;
  const choice = field === undefined ? 'unknown' : pick(['unknown', 'upper', 'title', 'fold', 'lookalike']);
  switch (choice) {
    case 'upper':
      return { key: field.toUpperCase(), value };
    case 'title':
      return { key: field[0].toUpperCase() + field.slice(1).toLowerCase(), value };
    case 'fold': {
      const key = field.replace(/k/i, '\u212a').replace(/s/i, '\u017f');
      return key === field ? { key: field.toUpperCase(), value } : { key, value };
    }
    case 'lookalike': {
      const look = field.replace(/i/, '\u0131').replace(/e/, '\u0435');
      return { key: look === field ? `${field}_` : look, value: { a: 1 } };
    }
    default:
      return { key: pick(UNKNOWN), value: pick([null, 1, 'x', { deep: [1] }]) };
  }
}

const lines = [];
const add = (name, kind, doc) => lines.push(JSON.stringify({ name, kind, doc }));

const fixtures = join(root, 'fixtures');
for (const dir of readdirSync(fixtures).sort()) {
  const file = join(fixtures, dir, 'input.yaml');
  if (!existsSync(file)) continue;
  const docs = parseDocuments(readFileSync(file, 'utf8'), file);
  if (docs._tag === 'Left') throw new Error(`${file}: ${docs.left.message}`);
  const queue = [...docs.right];
  let n = 0;
  while (queue.length > 0) {
    const doc = queue.shift();
    if (!isObject(doc)) continue;
    if (String(doc.kind).endsWith('List') && Array.isArray(doc.items)) {
      queue.push(...doc.items);
      continue;
    }
    if (!TEKTON.has(doc.kind)) continue;
    const json = JSON.parse(JSON.stringify(doc, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
    const name = `${dir}/${n++} ${doc.kind}`;
    add(name, doc.kind, json);
    for (let i = 0; i < 4; i++) {
      const copy = structuredClone(json);
      const places = structsOf(copy, roots[doc.kind], []);
      const count = random() < 0.25 ? 2 : 1;
      const keys = [];
      for (let j = 0; j < count; j++) {
        const { value: target, ty } = pick(places);
        const { key, value } = injection(target, ty);
        if (key in target) continue;
        target[key] = value;
        keys.push(key);
      }
      add(`${name} + ${keys.map((k) => JSON.stringify(k)).join(', ')}`, doc.kind, copy);
    }
  }
}

// Hand-written: folding, embedded structs, status and metadata.
const meta = { name: 'x', namespace: 'ns' };
const task = (spec, extra = {}) => ({ apiVersion: 'tekton.dev/v1alpha1', kind: 'Task', metadata: meta, spec, ...extra });
const run = (spec, extra = {}) => ({ apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', metadata: meta, spec, ...extra });
const hand = [
  ['Kelvin sign for k', task({ steps: [{ image: 'u' }] }, { '\u212aind': 'Task' })],
  ['long s for s', task({ steps: [{ image: 'u', '\u017fcript': '#!/bin/sh' }] })],
  ['dotless i', task({ steps: [{ '\u0131mage': 'u' }] })],
  ['dotted capital I', task({ steps: [{ '\u0130mage': 'u' }] })],
  ['upper case throughout', run({ TASKSPEC: { STEPS: [{ IMAGE: 'u', WORKINGDIR: '/w', ENV: [{ NAME: 'a', VALUE: 'b' }] }] } })],
  ['entrypoint', task({ steps: [{ image: 'u', entrypoint: ['bash'] }] })],
  ['startupProbe', task({ steps: [{ image: 'u', startupProbe: {} }] })],
  ['subPathExpr', task({ steps: [{ image: 'u', volumeMounts: [{ name: 'v', mountPath: '/v', subPathExpr: 'x' }] }] })],
  ['sidecar script', task({ steps: [{ image: 'u' }], sidecars: [{ image: 'u', script: 'x' }] })],
  ['step container fields, case below them', task({ steps: [{ image: 'u', securityContext: { RunAsUser: 1 }, resources: { Limits: { cpu: '1' } } }] })],
  ['promoted: resource declaration, volume source, probe handler', task({ inputs: { resources: [{ name: 's', type: 'git', targetPath: 't' }] }, volumes: [{ name: 'v', configMap: { name: 'c' } }], steps: [{ image: 'u', livenessProbe: { exec: { command: ['x'] }, periodSeconds: 1 } }] })],
  ['promoted: binding', run({ inputs: { resources: [{ name: 's', resourceRef: { name: 'r' }, resourceSpec: { type: 'git' }, paths: ['p'] }] }, taskRef: { name: 't' } })],
  ['binding unknown', run({ inputs: { resources: [{ name: 's', resourceRef: { name: 'r', kind: 'x' } }] }, taskRef: { name: 't' } })],
  ['metadata.managedFields', run({ taskRef: { name: 't' } }, { metadata: { ...meta, managedFields: [] } })],
  ['metadata in another case', run({ taskRef: { name: 't' } }, { METADATA: { NAME: 'x', Labels: { a: 'b' } } })],
  ['unknown with null', task({ steps: [{ image: 'u', bogus: null }] })],
  ['two unknown, document order', task({ steps: [{ image: 'u', b: 1 }] }, { a: 1 })],
  ['TaskRun status', run({ taskRef: { name: 't' } }, { status: { observedGeneration: 1, conditions: [{ type: 'Succeeded', status: 'True', lastTransitionTime: '2019-10-30T10:00:00Z' }], podName: 'p', steps: [{ name: 'a', container: 'step-a', terminated: { exitCode: 0 } }], retriesStatus: [{ podName: 'q', retriesStatus: [{ podName: 'r' }] }], resourcesResult: [{ name: 'n', key: 'k', value: 'v', resourceRef: { name: 'r' } }], cloudEvents: [{ target: 't', status: { condition: 'Sent', message: '', retryCount: 0 } }] } })],
  ['TaskRun status unknown deep', run({ taskRef: { name: 't' } }, { status: { retriesStatus: [{ steps: [{ terminated: { exitCode: 0, bogus: 1 } }] }] } })],
  ['TaskRun status phase', run({ taskRef: { name: 't' } }, { status: { phase: 'Running' } })],
  ['Task status', task({ steps: [{ image: 'u' }] }, { status: {} })],
  ['PipelineResource empty status', { apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineResource', metadata: meta, spec: { type: 'git' }, status: {} }],
  ['PipelineResource status field', { apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineResource', metadata: meta, spec: { type: 'git' }, status: { ready: true } }],
  ['TaskSpec params (v1beta1)', task({ params: [{ name: 'p' }], steps: [{ image: 'u' }] })],
  ['TaskRun podTemplate', run({ taskRef: { name: 't' }, podTemplate: { nodeSelector: { a: 'b' }, securityContext: { runAsUser: 1, fsGroupChangePolicy: 'x' } } })],
];
for (const [name, doc] of hand) add(name, doc.kind, doc);

const answers = execFileSync(decode, { input: `${lines.join('\n')}\n`, maxBuffer: 1 << 28 }).toString().trim().split('\n');
if (answers.length !== lines.length) throw new Error(`${lines.length} cases, ${answers.length} answers`);
const cases = lines.map((l, i) => ({ ...JSON.parse(l), go: JSON.parse(answers[i]).error }));
// One case a line, so that a change reads as a diff of cases.
process.stdout.write(`{"seed": ${Number(seed)}, "cases": [\n${cases.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`);
