// Compares taskpod's YAML reader (dist/, run `npm run build` first) with
// sigs.k8s.io/yaml's YAMLToJSON (the yamlres program, see README.md) over
// the documents of a file, one JSON-encoded YAML document per line, and
// prints the documents on which they differ.
const { execFileSync } = require('child_process');
const { parseDocuments } = require('../../dist/input/yaml.js');
const { jsonText } = require('../../dist/util.js');
const { nonFinitePath } = require('../../dist/input/go-json.js');
const docs = require('fs').readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const go = execFileSync(process.env.YAMLRES ?? 'yamlres', { input: docs.map((d) => JSON.stringify(d)).join('\n') + '\n', maxBuffer: 1 << 28 }).toString().split('\n');
function canon(text) {
  // numbers -> tagged strings, then sort keys
  let out = '', i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') { let j = i + 1; while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1; out += text.slice(i, j + 1); i = j + 1; continue; }
    const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i));
    if (m) { const t = m[0]; out += JSON.stringify('#n:' + (/^-?\d+$/.test(t) ? BigInt(t).toString() : String(Number(t)))); i += t.length; continue; }
    out += c; i++;
  }
  const sort = (v) => Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
  return JSON.stringify(sort(JSON.parse(out)));
}
let bad = 0;
docs.forEach((d, k) => {
  const g = go[k];
  const r = parseDocuments(d, 'x');
  let mine;
  if (r._tag === 'Left') mine = 'ERR';
  // .inf/.nan stay floats in the reader; the decoder refuses them outside
  // string fields with encoding/json's error, which is what Go said here.
  else if (nonFinitePath(r.right) !== undefined) mine = 'ERR';
  else mine = 'OK ' + canon(jsonText(r.right.length === 0 ? null : r.right[0]));
  const theirs = g.startsWith('ERR') ? 'ERR' : 'OK ' + canon(g.slice(3));
  if (mine !== theirs) { bad++; if (bad <= 40) console.log(JSON.stringify(d), '\n   go:', g.slice(0, 150), '\n   me:', r._tag === 'Left' ? r.left.message.slice(0, 150) : mine.slice(0, 150)); }
});
console.log(`${docs.length} docs, ${bad} differ`);
