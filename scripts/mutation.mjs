#!/usr/bin/env node
/**
 * npm run mutation: Stryker over all of src/, one group of modules at a time,
 * each group against the test files that target it.
 *
 * One Stryker run over src/ with the whole suite lets every mutant run every
 * test that reaches it; the golden and property tests reach nearly
 * everything, so each of the ~10,000 mutants costs seconds and the run takes
 * most of a day on 2 cores. Mutating each group against its own tests costs
 * a fraction of a second a mutant. A mutant these tests kill, the whole suite
 * kills too, so the score printed here is a lower bound of the whole
 * suite's.
 *
 * Usage: node scripts/mutation.mjs [group ...]   (no group: all of them)
 *        node scripts/mutation.mjs --summary      (only print the table)
 *        node scripts/mutation.mjs --survivors src/quantity.ts
 *                                 (list the surviving and uncovered mutants
 *                                  of a file, with their lines)
 *
 * Each group keeps an incremental file (reports/mutation/incremental/), so a
 * second run re-tests only the mutants whose code or tests changed. The
 * reports are reports/mutation/groups/<group>.json (mutation-testing-report
 * schema) and reports/mutation/summary.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'reports', 'mutation');

/** Test-file patterns, as regular expressions over the test path. */
const t = (...names) => `test/(${names.join('|')})\\.test\\.ts$`;

/**
 * The groups: what is mutated, and the tests that target it. Together the
 * `mutate` lists cover every file of src/ but src/index.ts (re-exports).
 */
export const GROUPS = [
  { name: 'quantity', mutate: ['src/quantity.ts'], tests: t('quantity', 'pod/requests') },
  { name: 'names', mutate: ['src/names.ts', 'src/sha256.ts', 'src/util.ts'], tests: t('names', 'sha256', 'util', 'pod/metadata') },
  { name: 'input', mutate: ['src/input/**/*.ts'], tests: t('input/[a-z-]+', 'bad-input') },
  { name: 'model', mutate: ['src/model/**/*.ts'], tests: t('model/[a-z-]+', 'input/[a-z-]+', 'bad-input') },
  { name: 'admission', mutate: ['src/admission/**/*.ts'], tests: t('admission/[a-z-]+', 'bad-input', 'render') },
  {
    name: 'render',
    mutate: ['src/render.ts', 'src/resolve.ts', 'src/substitution.ts', 'src/errors.ts'],
    tests: t('render', 'resolve', 'substitution', 'errors', 'bad-input', 'cli', 'golden', 'golden-resources'),
  },
  {
    name: 'pod',
    mutate: ['src/pod/**/*.ts', '!src/pod/step-template.ts', '!src/pod/strategic-merge.ts', '!src/pod/go-sort.ts'],
    tests: t('pod/[a-z-]+', 'shell-roundtrip', 'golden', 'golden-resources'),
  },
  {
    name: 'merge',
    mutate: ['src/pod/step-template.ts', 'src/pod/strategic-merge.ts', 'src/pod/go-sort.ts'],
    tests: t('pod/step-template', 'pod/go-sort', 'pod/strategic-merge'),
  },
  { name: 'resources', mutate: ['src/resources/**/*.ts'], tests: t('resources/[a-z-]+', 'golden-resources') },
  { name: 'artifacts', mutate: ['src/artifacts/**/*.ts'], tests: t('resources/artifacts', 'resources/claim', 'cli', 'golden-resources') },
  { name: 'sidecars', mutate: ['src/sidecars/**/*.ts'], tests: t('sidecars/[a-z-]+') },
  { name: 'cli', mutate: ['src/cli/**/*.ts'], tests: t('cli', 'cli-commands', 'sidecars/cli', 'resources/claim', 'explain/explain', 'readme', 'properties/bad-input') },
  { name: 'explain', mutate: ['src/explain/**/*.ts'], tests: t('explain/[a-z-]+', 'pipeline/explain', 'readme', 'docs') },
  { name: 'pipeline', mutate: ['src/pipeline/**/*.ts'], tests: t('pipeline/[a-z-]+', 'properties/pipeline', 'golden', 'docs') },
  { name: 'status', mutate: ['src/status/**/*.ts'], tests: t('status/[a-z-]+', 'properties/status', 'pipeline/simulate') },
  { name: 'testing', mutate: ['src/testing/**/*.ts'], tests: t('testing/[a-z-]+') },
];

function runGroup(group) {
  const base = JSON.parse(readFileSync(join(ROOT, 'stryker.config.json'), 'utf8'));
  delete base.$schema;
  const config = {
    ...base,
    mutate: group.mutate,
    reporters: ['progress-append-only', 'json'],
    jsonReporter: { fileName: `reports/mutation/groups/${group.name}.json` },
    incremental: true,
    incrementalFile: `reports/mutation/incremental/${group.name}.json`,
  };
  mkdirSync(join(OUT, 'configs'), { recursive: true });
  const file = join(OUT, 'configs', `${group.name}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  console.log(`\n== ${group.name}: ${group.mutate.join(' ')}  (tests ${group.tests})`);
  const started = Date.now();
  const r = spawnSync('npx', ['stryker', 'run', relative(ROOT, file)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TASKPOD_PROPERTY_RUNS: 'mutation', TASKPOD_MUTATION_TESTS: group.tests },
  });
  console.log(`== ${group.name}: ${Math.round((Date.now() - started) / 1000)} s, exit ${r.status}`);
  return r.status === 0;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Per-file counts from every group report there is. */
function summarize() {
  const dir = join(OUT, 'groups');
  const rows = [];
  const groups = [];
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const report = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const g = { file: f.replace(/\.json$/, ''), Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 };
      for (const [file, { mutants }] of Object.entries(report.files)) {
        const c = { file, Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 };
        for (const m of mutants) {
          const key = m.status in c ? m.status : 'other'; // Ignored, CompileError, RuntimeError: not in the score
          c[key] += 1;
          g[key] += 1;
        }
        rows.push(c);
      }
      groups.push(g);
    }
  }
  rows.sort((a, b) => a.file.localeCompare(b.file));
  const score = (c) => {
    const det = c.Killed + c.Timeout;
    const all = det + c.Survived + c.NoCoverage;
    return all === 0 ? 100 : (100 * det) / all;
  };
  const total = rows.reduce(
    (s, c) => ({ ...s, Killed: s.Killed + c.Killed, Timeout: s.Timeout + c.Timeout, Survived: s.Survived + c.Survived, NoCoverage: s.NoCoverage + c.NoCoverage, other: s.other + c.other }),
    { file: '**all**', Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 },
  );
  const line = (c) => `| ${c.file} | ${score(c).toFixed(1)} % | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} |`;
  const table = [
    '| file | score | killed | timed out | survived | no coverage |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(line),
    line(total),
  ].join('\n');
  const byGroup = [
    '| group | score | killed | timed out | survived | no coverage |',
    '| --- | --- | --- | --- | --- | --- |',
    ...groups.map(line),
    line(total),
  ].join('\n');
  writeFileSync(join(OUT, 'summary.md'), `${byGroup}\n\n${table}\n`);
  console.log('\n' + table + '\n\n' + byGroup);
  console.log(`\nmutation score over ${rows.length} files: ${score(total).toFixed(2)} % (${total.Killed + total.Timeout} detected of ${total.Killed + total.Timeout + total.Survived + total.NoCoverage})`);
  return score(total);
}

/** Prints the undetected mutants of one file, one line each. */
function survivors(file) {
  const dir = join(OUT, 'groups');
  for (const f of existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : []) {
    const report = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const entry = report.files[file];
    if (entry === undefined) continue;
    const lines = entry.source.split('\n');
    for (const m of entry.mutants.filter((x) => UNDETECTED.has(x.status))) {
      const { line, column } = m.location.start;
      const tag = m.status === 'Survived' ? 'survived' : 'no coverage';
      console.log(`${file}:${line}:${column} ${tag} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '').slice(0, 100)} | ${lines[line - 1].trim().slice(0, 100)}`);
    }
    return;
  }
  console.error(`no report holds ${file}`);
  process.exitCode = 1;
}

const args = process.argv.slice(2);
if (args[0] === '--survivors') {
  for (const f of args.slice(1)) survivors(f);
  process.exit();
}
if (!args.includes('--summary')) {
  const unknown = args.filter((a) => !GROUPS.some((g) => g.name === a));
  if (unknown.length > 0) {
    console.error(`unknown group(s): ${unknown.join(', ')}; groups: ${GROUPS.map((g) => g.name).join(', ')}`);
    process.exit(2);
  }
  const chosen = args.length === 0 ? GROUPS : args.map((a) => GROUPS.find((g) => g.name === a));
  let ok = true;
  for (const g of chosen) ok = runGroup(g) && ok;
  if (!ok) process.exitCode = 1;
}
summarize();
