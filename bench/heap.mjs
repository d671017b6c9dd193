// Heap growth over many renders in one process. Run by run.mjs as
//   node --expose-gc bench/heap.mjs INPUT RENDERS WARMUP
// and prints one JSON line: heap used after the warm-up and after the
// renders (each after forced full GCs), and the growth between them. A
// render is renderPod on the decoded input (decoding once: the YAML parser
// keeps no state between documents, and renderPod is what a controller
// calls in a loop).

import { ALL } from './inputs.mjs';
import { decode, transform } from './lib.mjs';

const [name = 'typical', rendersArg = '100000', warmupArg = '10000'] = process.argv.slice(2);
const renders = Number(rendersArg);
const warmup = Number(warmupArg);
if (typeof globalThis.gc !== 'function') {
  process.stderr.write('heap.mjs: run with node --expose-gc\n');
  process.exit(2);
}
const objects = decode(ALL[name]());

function settle() {
  for (let i = 0; i < 4; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

// Keep the last Pod alive so the work cannot be optimised away, and so the
// comparison holds one Pod on both sides.
let last;
for (let i = 0; i < warmup; i++) last = transform(objects);
const before = settle();
const start = process.hrtime.bigint();
for (let i = 0; i < renders; i++) last = transform(objects);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const after = settle();
process.stdout.write(
  `${JSON.stringify({ input: name, renders, warmup, before, after, growth: after - before, seconds, containers: last.spec.containers.length })}\n`,
);
