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
// go-yaml v2 read a document's top node and ignored the rest of the
// document; taskpod refuses such text (docs/deviations.md, "YAML text").
// A refusal is that case when Go read a part of the text that stops short
// of its end (up to taskpod's error position, or to the end of a later
// line) exactly as it read the whole.
const prefixes = [];
docs.forEach((d, k) => {
  const r = parseDocuments(d, 'x');
  const at = r._tag === 'Left' && go[k].startsWith('OK') ? /\(line (\d+), column (\d+)\)/.exec(r.left.message) : null;
  if (at === null) return;
  const all = d.split('\n');
  const line = Number(at[1]);
  const upTo = all.slice(0, line);
  upTo[upTo.length - 1] = upTo[upTo.length - 1].slice(0, Number(at[2]) - 1);
  prefixes.push([k, upTo.join('\n')]);
  // (Only where what is left holds more than blank and comment lines.)
  const content = (l) => l.trim() !== '' && !l.trim().startsWith('#');
  for (let j = line; j < all.length - 1 && all.slice(j).some(content); j++) prefixes.push([k, all.slice(0, j).join('\n') + '\n']);
});
const goPrefix = prefixes.length === 0 ? [] : execFileSync(process.env.YAMLRES ?? 'yamlres', { input: prefixes.map(([, p]) => JSON.stringify(p)).join('\n') + '\n', maxBuffer: 1 << 28 }).toString().split('\n');
const topNodeOnly = new Set(prefixes.filter(([k], i) => goPrefix[i].startsWith('OK') && canon(goPrefix[i].slice(3)) === canon(go[k].slice(3))).map(([k]) => k));

let bad = 0;
docs.forEach((d, k) => {
  if (topNodeOnly.has(k)) return;
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
if (topNodeOnly.size > 0) console.log(`${topNodeOnly.size} read by Go up to the end of their top node only, refused by taskpod (docs/deviations.md)`);
console.log(`${docs.length} docs, ${bad} differ`);
