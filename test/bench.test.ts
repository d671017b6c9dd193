/**
 * The benchmark (npm run bench, not part of npm test) end to end on tiny
 * counts: it runs, and prints every figure with its verdict. The figures of
 * a quick run mean nothing, so PASS and FAIL are both accepted here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');

describe('bench/run.mjs (BENCH_QUICK=1)', () => {
  let out = '';

  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: run npm run build first');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'run.mjs')], {
      cwd: ROOT,
      env: { ...process.env, BENCH_QUICK: '1' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    out = r.stdout;
    if (r.status !== 0) throw new Error(`bench/run.mjs exited ${r.status}: ${r.stderr}\n${r.stdout}`);
  }, 250_000);

  it('names the machine', () => {
    expect(out).toMatch(/^machine: nproc \d+, node v\d+\.\d+\.\d+, CPU .+$/m);
    expect(out).toMatch(/^clock: (process CPU time|wall time)/m);
  });

  it.each(['a', 'b', 'c', 'd'])('prints throughput of input (%s): decode, transform, together, structuredClone and the ratios', (key) => {
    const section = out.slice(out.indexOf(`(${key}) `));
    expect(section).not.toMatch(/^\([a-d]\) .*NOT RENDERABLE/);
    for (const what of ['decode', 'transform', 'together']) expect(section).toMatch(new RegExp(`^  ${what} +[\\d,]+/s  \\(`, 'm'));
    expect(section).toMatch(/^ {2}structuredClone of the Pod [\d,]+\/s/m);
    expect(section).toMatch(/^ {2}render\/clone \d+\.\d+×/m);
    expect(section).toMatch(/^ {2}decode\/clone \d+\.\d+×/m);
  });

  it('checks render ≤ 1× and decode ≤ 2× structuredClone on the typical input', () => {
    expect(out).toMatch(/render\/clone \d+\.\d+× {2}(PASS|FAIL) \(target ≤ 1×\)/);
    expect(out).toMatch(/decode\/clone \d+\.\d+× {2}(PASS|FAIL) \(target ≤ 2×\)/);
  });

  it('prints the per-step and per-resource costs and their ratios', () => {
    for (const n of [10, 100, 1000]) expect(out).toMatch(new RegExp(`^ +${n} steps: per step decode .+ transform .+ together `, 'm'));
    for (const n of [1, 10, 100]) expect(out).toMatch(new RegExp(`^ +${n} resources: per resource decode .+ transform .+ together `, 'm'));
    expect(out).toMatch(/per-step cost 1000 vs 10: together \d+\.\d+× (PASS|FAIL) \(target ≤ 1\.2\)/);
    expect(out).toMatch(/per-resource cost 100 vs 10: together \d+\.\d+× (PASS|FAIL) \(target ≤ 1\.5\)/);
    expect(out).toMatch(/per-resource cost 100 vs 1 \(largest\/smallest\): together \d+\.\d+×/);
  });

  it('prints CLI start-up against node -e 0', () => {
    expect(out).toMatch(/node -e 0 [\d.]+ m?s {3}taskpod render [\d.]+ m?s/);
    expect(out).toMatch(/start-up ratio \d+\.\d+× (PASS|FAIL) \(target ≤ 1\.25×\)/);
  });

  it('prints render --each against single CLI renders, every sampled output byte-identical', () => {
    expect(out).toMatch(/render --each [\d.]+ m?s \(.* per input\) {3}single renders [\d.]+ m?s each/);
    expect(out).toMatch(/--each output byte-identical to the single render: (\d+) of \1 sampled/);
    expect(out).toMatch(/--each ratio \d+\.\d+× (PASS|FAIL) \(target ≤ 0\.05×\)/);
  });

  it('prints peak RSS and heap growth', () => {
    expect(out).toMatch(/peak RSS, taskpod render of the 1,000-step Task .*: [\d.]+ MB (PASS|FAIL) \(target ≤ 80 MB\)/);
    expect(out).toMatch(/heap growth over [\d,]+ renders .*: -?[\d.]+ MB (PASS|FAIL) \(target ≤ 10 MB\)/);
  });

  it('ends with the count of targets met', () => {
    expect(out).toMatch(/^targets: \d+ PASS, \d+ FAIL/m);
    expect((out.match(/\b(PASS|FAIL) \(target/g) ?? []).length).toBe(8);
  });
});
