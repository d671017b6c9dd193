// What the benchmark scripts share: the built library, decoding, medians.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The project root (bench/..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The built library (dist/, from `npm run build`). */
export const taskpod = require(path.join(ROOT, 'dist', 'index.js'));

/** Decode: YAML parse + collectObjects, as the CLI does for one file. Throws on a Left. */
export function decode(text) {
  const docs = taskpod.parseDocuments(text, 'input.yaml');
  if (docs._tag === 'Left') throw new Error(taskpod.formatError(docs.left));
  const objects = taskpod.collectObjects(docs.right, (i) => `document ${i + 1}`);
  if (objects._tag === 'Left') throw new Error(taskpod.formatError(objects.left));
  return objects.right;
}

/** Transform: renderPod. Throws on a Left. */
export function transform(objects) {
  const pod = taskpod.renderPod(objects);
  if (pod._tag === 'Left') throw new Error(taskpod.formatError(pod.left));
  return pod.right;
}

/** The median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
