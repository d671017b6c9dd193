// taskpod's benchmark: throughput, scaling, CLI start-up and memory, each
// figure with its target. `npm run bench` builds, then runs this.
//
//   node bench/run.mjs [--json FILE]
//   BENCH_QUICK=1 node bench/run.mjs     tiny counts: checks that every figure is printed
//
// Timing uses tinybench (median latency of many samples); every ratio is of
// figures taken in the same process, on the same input, in alternating
// rounds, and the median over rounds is reported, so a machine shared with
// other work skews both sides alike. Exit status is 0 unless the harness
// itself fails; a missed target prints FAIL, it does not stop the run.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Bench } from 'tinybench';
import { ALL, BUNDLED } from './inputs.mjs';
import { decode, median, ROOT, transform } from './lib.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
/**
 * The clock of the in-process figures: the process's CPU time (user +
 * system, all its threads, GC included) by default, because on a machine
 * shared with other work wall time mostly measures the other work (a long
 * render is preempted more often than a short one, which made per-step cost
 * look like it grew with the Task); BENCH_CLOCK=wall for wall time. CLI
 * start-up is always wall time.
 */
const CLOCK = process.env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu';
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const args = process.argv.slice(2);
const jsonFile = args[0] === '--json' ? args[1] : undefined;

/** Counts: the full run, and the quick one that only proves every figure prints. */
const N = QUICK
  ? { rounds: 1, taskTime: 15, scaleTime: 15, startupRuns: 3, rssRuns: 1, heapRenders: 300, heapWarmup: 100, eachInputs: 20, eachSample: 2 }
  : { rounds: 5, taskTime: 400, scaleTime: 1000, startupRuns: 21, rssRuns: 5, heapRenders: 100_000, heapWarmup: 10_000, eachInputs: 1000, eachSample: 50 };

/** The targets, checked beside each figure. */
const TARGETS = {
  renderVsClone: 1, // renderPod ≤ 1× structuredClone of its Pod, on the typical input (b)
  decodeVsClone: 2, // decode (text to InputObjects) ≤ 2× structuredClone of the Pod, on (b)
  perStepRatio: 1.2, // per-step cost (decode + render), 1,000 steps vs 10, ≤ 1.2
  perResourceRatio: 1.5, // per-resource cost, 100 resources vs 10, ≤ 1.5
  startupRatio: 1.25, // CLI render of the demo ≤ 1.25× `node -e 0`
  eachRatio: 0.05, // `render --each` over 1,000 inputs ≤ 0.05× 1,000 single CLI renders
  peakRssMB: 80, // peak RSS of the CLI rendering 1,000 steps ≤ 80 MB
  heapGrowthMB: 10, // heap growth over 100,000 renders ≤ 10 MB
};

const results = { quick: QUICK, machine: {}, throughput: [], scaling: {}, startup: {}, memory: {}, targets: [] };
const out = (s = '') => process.stdout.write(`${s}\n`);
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
function target(name, figure, ok, limit) {
  results.targets.push({ name, figure, limit, pass: ok });
  return `${verdict(ok)} (target ${limit})`;
}
const fmtRate = (perSecond) => `${Math.round(perSecond).toLocaleString('en-US')}/s`;
const fmtMs = (ms) => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);
const fmtX = (x) => `${x.toFixed(2)}×`;

/**
 * Median latencies (ms) of named functions, over rounds of one tinybench run
 * each. tinybench samples each function until both `time` ms have passed and
 * `iterations` samples are taken (both are minimums), after a warm-up.
 */
async function measure(fns, { time, rounds, iterations = QUICK ? 2 : 10 }) {
  const perRound = [];
  for (let r = 0; r < rounds; r++) {
    const bench = new Bench({ time, iterations, warmupTime: Math.min(time, 100), warmupIterations: 2, ...(CLOCK === 'cpu' ? { now: cpuNow } : {}) });
    for (const [name, fn] of Object.entries(fns)) bench.add(name, fn);
    await bench.run();
    const lat = {};
    for (const task of bench.tasks) {
      if (task.result.state !== 'completed') throw new Error(`${task.name}: ${task.result.error ?? task.result.state}`);
      lat[task.name] = task.result.latency.p50;
    }
    perRound.push(lat);
  }
  return perRound;
}

// ---------- the machine ----------
function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    /* not Linux */
  }
  results.machine = { nproc: os.availableParallelism(), node: process.version, cpu, loadavg: os.loadavg().map((x) => +x.toFixed(2)) };
  out(`taskpod benchmark${QUICK ? ' (BENCH_QUICK: tiny counts, figures not meaningful)' : ''}`);
  out(`machine: nproc ${results.machine.nproc}, node ${process.version}, CPU ${cpu}, load average ${results.machine.loadavg.join(' ')}`);
  out(`clock: ${CLOCK === 'cpu' ? 'process CPU time (BENCH_CLOCK=wall for wall time)' : 'wall time'}; CLI start-up: wall time`);
  results.clock = CLOCK;
  out();
}

// ---------- throughput ----------
async function throughput() {
  out(`== Throughput (median ${CLOCK} time per operation; render/clone = one renderPod ÷ one structuredClone of its Pod, same run) ==`);
  for (const input of BUNDLED) {
    const text = input.text();
    const label = `(${input.key}) ${input.name}`;
    let objects;
    let pod;
    try {
      objects = decode(text);
      pod = transform(objects);
    } catch (e) {
      out(`${label}: NOT RENDERABLE: ${e.message}`);
      results.throughput.push({ key: input.key, name: input.name, error: e.message });
      if (input.key === 'b') {
        out(`  render/clone on (b): ${target('render ÷ structuredClone on (b)', null, false, `≤ ${TARGETS.renderVsClone}×`)} — not renderable`);
        out(`  decode/clone on (b): ${target('decode ÷ structuredClone on (b)', null, false, `≤ ${TARGETS.decodeVsClone}×`)} — not renderable`);
      }
      continue;
    }
    const rounds = await measure(
      {
        decode: () => decode(text),
        transform: () => transform(objects),
        together: () => transform(decode(text)),
        clone: () => structuredClone(pod),
      },
      { time: N.taskTime, rounds: N.rounds },
    );
    const med = (k) => median(rounds.map((r) => r[k]));
    const ratio = median(rounds.map((r) => r.transform / r.clone));
    const ratioDecode = median(rounds.map((r) => r.decode / r.clone));
    const ratioTogether = median(rounds.map((r) => r.together / r.clone));
    const row = {
      key: input.key,
      name: input.name,
      inputBytes: Buffer.byteLength(text),
      podBytes: JSON.stringify(pod).length,
      containers: pod.spec.containers.length,
      decodePerSecond: 1000 / med('decode'),
      transformPerSecond: 1000 / med('transform'),
      togetherPerSecond: 1000 / med('together'),
      clonePerSecond: 1000 / med('clone'),
      renderVsClone: ratio,
      decodeVsClone: ratioDecode,
      togetherVsClone: ratioTogether,
    };
    results.throughput.push(row);
    out(`${label} — input ${row.inputBytes} B, Pod ${row.podBytes} B JSON, ${row.containers} containers`);
    out(`  decode     ${fmtRate(row.decodePerSecond).padStart(12)}  (${fmtMs(med('decode'))})`);
    out(`  transform  ${fmtRate(row.transformPerSecond).padStart(12)}  (${fmtMs(med('transform'))})`);
    out(`  together   ${fmtRate(row.togetherPerSecond).padStart(12)}  (${fmtMs(med('together'))})`);
    out(`  structuredClone of the Pod ${fmtRate(row.clonePerSecond)}  (${fmtMs(med('clone'))})`);
    const check = input.key === 'b' ? `  ${target('render ÷ structuredClone on (b)', ratio, ratio <= TARGETS.renderVsClone, `≤ ${TARGETS.renderVsClone}×`)}` : '';
    const checkDecode = input.key === 'b' ? `  ${target('decode ÷ structuredClone on (b)', ratioDecode, ratioDecode <= TARGETS.decodeVsClone, `≤ ${TARGETS.decodeVsClone}×`)}` : '';
    out(`  render/clone ${fmtX(ratio)}${check}   (decode+render/clone ${fmtX(ratioTogether)})`);
    out(`  decode/clone ${fmtX(ratioDecode)}${checkDecode}`);
  }
  out();
}

// ---------- scaling ----------
async function scaling(kind, names, sizes, { ratioOf, limit, unit }) {
  out(`== Scaling: ${kind} (median ${CLOCK} time per ${unit}) ==`);
  const rows = [];
  for (const [i, name] of names.entries()) {
    const text = ALL[name]();
    let objects;
    try {
      objects = decode(text);
      transform(objects);
    } catch (e) {
      out(`  ${String(sizes[i]).padStart(5)} ${unit}s: NOT RENDERABLE: ${e.message}`);
      rows.push({ size: sizes[i], error: e.message });
      continue;
    }
    const [r] = await measure({ decode: () => decode(text), transform: () => transform(objects) }, { time: N.scaleTime, rounds: 1 });
    const row = { size: sizes[i], decodeMs: r.decode, transformMs: r.transform, totalMs: r.decode + r.transform };
    rows.push(row);
    const per = (ms) => fmtMs(ms / sizes[i]).padStart(10);
    out(`  ${String(sizes[i]).padStart(5)} ${unit}s: per ${unit} decode ${per(row.decodeMs)}  transform ${per(row.transformMs)}  together ${per(row.totalMs)}   (render ${fmtMs(row.transformMs)})`);
  }
  const bySize = new Map(rows.map((r) => [r.size, r]));
  const [from, to] = ratioOf;
  const a = bySize.get(from);
  const b = bySize.get(to);
  let summary;
  if (a?.totalMs === undefined || b?.totalMs === undefined) {
    summary = { error: 'not renderable' };
    out(`  per-${unit} cost ${to} vs ${from}: ${target(`per-${unit} cost ratio ${to} vs ${from}`, null, false, `≤ ${limit}`)} — not renderable`);
  } else {
    const ratio = (k) => b[k] / to / (a[k] / from);
    summary = { decode: ratio('decodeMs'), transform: ratio('transformMs'), together: ratio('totalMs') };
    const big = Math.max(...sizes);
    const small = Math.min(...sizes);
    out(
      `  per-${unit} cost ${to} vs ${from}: together ${fmtX(summary.together)} ${target(`per-${unit} cost ratio ${to} vs ${from}`, summary.together, summary.together <= limit, `≤ ${limit}`)}` +
        `   (decode ${fmtX(summary.decode)}, transform ${fmtX(summary.transform)})`,
    );
    const lo = bySize.get(small);
    const hi = bySize.get(big);
    if ((from !== small || to !== big) && lo?.totalMs !== undefined && hi?.totalMs !== undefined) {
      out(`  per-${unit} cost ${big} vs ${small} (largest/smallest): together ${fmtX(hi.totalMs / big / (lo.totalMs / small))}`);
    }
  }
  results.scaling[kind] = { rows, ratio: summary };
  out();
}

// ---------- CLI start-up ----------
function startup() {
  out(`== CLI start-up: taskpod render -f fixtures/demo/input.yaml vs node -e 0 (median wall time of ${N.startupRuns} runs each, alternating) ==`);
  const demo = path.join(ROOT, 'fixtures', 'demo', 'input.yaml');
  const cli = path.join(ROOT, 'bin', 'taskpod.js');
  const run = (argv) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
    return ms;
  };
  run([cli, 'render', '-f', demo]); // first run: file cache
  const nodeMs = [];
  const cliMs = [];
  for (let i = 0; i < N.startupRuns; i++) {
    nodeMs.push(run(['-e', '0']));
    cliMs.push(run([cli, 'render', '-f', demo]));
  }
  const ratio = median(cliMs) / median(nodeMs);
  results.startup = { runs: N.startupRuns, nodeMs: median(nodeMs), cliMs: median(cliMs), ratio };
  out(`  node -e 0 ${fmtMs(median(nodeMs))}   taskpod render ${fmtMs(median(cliMs))}`);
  out(`  start-up ratio ${fmtX(ratio)} ${target('CLI start-up vs node -e 0', ratio, ratio <= TARGETS.startupRatio, `≤ ${TARGETS.startupRatio}×`)}`);
  out();
}

// ---------- render --each ----------
/**
 * `taskpod render --each DIR --out-dir OUT` over generated inputs (the
 * bundled shapes in turn, each TaskRun renamed) against single
 * `taskpod render -f FILE` runs of them, wall time. The single runs are a
 * sample (every k-th input, covering every shape alike), their mean scaled
 * to all inputs; each sampled
 * single render's output is also checked to be byte-identical to what
 * --each wrote for that input.
 */
function each() {
  const n = N.eachInputs;
  out(`== render --each over ${n.toLocaleString('en-US')} generated inputs vs ${n.toLocaleString('en-US')} single CLI renders (wall; singles: a sample of ${N.eachSample}, scaled) ==`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'taskpod-bench-each-'));
  const cli = path.join(ROOT, 'bin', 'taskpod.js');
  try {
    const dir = path.join(tmp, 'in');
    const outDir = path.join(tmp, 'out');
    fs.mkdirSync(dir);
    const shapes = BUNDLED.map((b) => b.text());
    for (let i = 0; i < n; i++) {
      const id = String(i).padStart(4, '0');
      // A distinct TaskRun name per input: a different Pod name and seed.
      const text = shapes[i % shapes.length].replace(/^(kind: TaskRun\nmetadata:\n(?:  .*\n)*?  name: )(.*)$/m, `$1$2-${id}`);
      fs.writeFileSync(path.join(dir, `input-${id}.yaml`), text);
    }
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'render', '--each', dir, '--out-dir', outDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const eachMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) {
      const why = String(r.stderr).split('\n')[0];
      results.each = { error: why };
      out(`  render --each: not available (exit ${r.status}: ${why})  ${target('render --each vs single renders', null, false, `≤ ${TARGETS.eachRatio}×`)}`);
      out();
      return;
    }
    // Every step-th input, shifted by one more each time so that the sample
    // covers the shapes alike (step is a multiple of their number).
    const step = Math.max(1, Math.floor(n / N.eachSample));
    const singleMs = [];
    let identical = 0;
    for (let k = 0; k < Math.min(N.eachSample, n); k++) {
      const i = (k * step + (k % shapes.length)) % n;
      const id = String(i).padStart(4, '0');
      const t1 = process.hrtime.bigint();
      const s = spawnSync(process.execPath, [cli, 'render', '-f', path.join(dir, `input-${id}.yaml`)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
      singleMs.push(Number(process.hrtime.bigint() - t1) / 1e6);
      if (s.status !== 0) throw new Error(`taskpod render -f input-${id}.yaml exited ${s.status}: ${s.stderr}`);
      const written = fs.readFileSync(path.join(outDir, 'in', `input-${id}.pod.yaml`), 'utf8');
      if (written === String(s.stdout)) identical++;
    }
    const singleTotal = (singleMs.reduce((a, b) => a + b, 0) / singleMs.length) * n;
    const ratio = eachMs / singleTotal;
    results.each = { inputs: n, eachMs, singleSample: singleMs.length, singleMedianMs: median(singleMs), singleTotalMs: singleTotal, ratio, identical };
    out(`  render --each ${fmtMs(eachMs)} (${fmtMs(eachMs / n)} per input)   single renders ${fmtMs(median(singleMs))} each (median of ${singleMs.length}), ${(singleTotal / 1000).toFixed(1)} s for ${n}`);
    out(`  --each output byte-identical to the single render: ${identical} of ${singleMs.length} sampled`);
    out(`  --each ratio ${fmtX(ratio)} ${target('render --each vs single renders', ratio, ratio <= TARGETS.eachRatio && identical === singleMs.length, `≤ ${TARGETS.eachRatio}×`)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  out();
}

// ---------- memory ----------
function memory() {
  out('== Memory ==');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'taskpod-bench-'));
  try {
    const input = path.join(tmp, 'steps-1000.yaml');
    fs.writeFileSync(input, ALL['steps-1000']());
    const rssFile = path.join(tmp, 'maxrss');
    const samples = [];
    for (let i = 0; i < N.rssRuns; i++) {
      const r = spawnSync(process.execPath, ['--require', path.join(ROOT, 'bench', 'maxrss.cjs'), path.join(ROOT, 'bin', 'taskpod.js'), 'render', '-f', input], {
        cwd: ROOT,
        env: { ...process.env, BENCH_MAXRSS_FILE: rssFile },
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      });
      if (r.status !== 0) throw new Error(`taskpod render of 1,000 steps exited ${r.status}: ${r.stderr}`);
      samples.push(Number(fs.readFileSync(rssFile, 'utf8')) / 1024);
    }
    const rss = median(samples);
    results.memory.peakRssMB = rss;
    out(`  peak RSS, taskpod render of the 1,000-step Task (median of ${N.rssRuns}): ${rss.toFixed(1)} MB ${target('peak RSS, 1,000 steps', rss, rss <= TARGETS.peakRssMB, `≤ ${TARGETS.peakRssMB} MB`)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const heapInput = 'typical';
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(ROOT, 'bench', 'heap.mjs'), heapInput, String(N.heapRenders), String(N.heapWarmup)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`heap.mjs exited ${r.status}: ${r.stderr}`);
  const heap = JSON.parse(String(r.stdout).trim().split('\n').pop());
  const growthMB = heap.growth / (1024 * 1024);
  results.memory.heap = { ...heap, growthMB };
  out(
    `  heap growth over ${heap.renders.toLocaleString('en-US')} renders of (b) (renderPod, after ${heap.warmup.toLocaleString('en-US')} warm-up, forced GC): ` +
      `${growthMB.toFixed(2)} MB ${target(`heap growth over ${heap.renders} renders`, growthMB, growthMB <= TARGETS.heapGrowthMB, `≤ ${TARGETS.heapGrowthMB} MB`)}` +
      `   (heap ${(heap.before / 1048576).toFixed(1)} → ${(heap.after / 1048576).toFixed(1)} MB, ${Math.round(heap.renders / heap.seconds).toLocaleString('en-US')} renders/s)`,
  );
  out();
}

machine();
await throughput();
await scaling('steps', ['steps-10', 'steps-100', 'steps-1000'], [10, 100, 1000], { ratioOf: [10, 1000], limit: TARGETS.perStepRatio, unit: 'step' });
await scaling('resources', ['resources-1', 'resources-10', 'resources-100'], [1, 10, 100], { ratioOf: [10, 100], limit: TARGETS.perResourceRatio, unit: 'resource' });
startup();
each();
memory();

const failed = results.targets.filter((t) => !t.pass);
out(`targets: ${results.targets.length - failed.length} PASS, ${failed.length} FAIL${failed.length > 0 ? ` (${failed.map((t) => t.name).join('; ')})` : ''}`);
if (jsonFile !== undefined) fs.writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
