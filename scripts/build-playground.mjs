#!/usr/bin/env node
// `npm run playground`: builds the browser playground into playground/dist/,
// a folder any static host (or file://) serves as it is:
//
//   index.html      the page (playground/index.html)
//   app.css         its styles (playground/style.css)
//   app.js          one classic script: the page (playground/src), the
//                   library from src/ as it is, CodeMirror, fp-ts, io-ts,
//                   yaml, and the examples read from fixtures/ now
//   mermaid.min.js  Mermaid's own browser build, loaded only when the
//                   diagram tab first opens
//   licenses.txt    the packages app.js bundles and their licences
//
// Classic scripts, not modules: Chromium refuses module scripts from
// file://. Prints each file's size (and gzip size); docs/performance.md
// records them.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readExamples } from '../playground/examples.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const esbuild = require('esbuild');
const source = join(root, 'playground');
const out = join(source, 'dist');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const examples = readExamples(root).map(({ name, kind, about, input, config }) => ({ name, kind, about, input, config }));
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const result = await esbuild.build({
  entryPoints: [join(source, 'src', 'main.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome109', 'firefox115', 'safari16'],
  minify: process.env.TASKPOD_PLAYGROUND_NOMINIFY !== '1',
  legalComments: 'linked',
  inject: [join(source, 'buffer-shim.js')],
  define: { TASKPOD_EXAMPLES: JSON.stringify(examples), TASKPOD_VERSION: JSON.stringify(version) },
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: root,
});

// The bundle must not reach for Node.js: a `node:` module or a Node built-in
// would fail in the browser.
const nodeInputs = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('node:') || /(^|\/)(fs|path|util|crypto|child_process)$/.test(f));
if (nodeInputs.length > 0) throw new Error(`the playground bundle imports Node.js modules: ${nodeInputs.join(', ')}`);

// The packages app.js bundles, with their licences (few of them keep a
// licence comment in the minified code).
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m !== null) packages.set(m[1], join(root, input.slice(0, input.lastIndexOf(`node_modules/${m[1]}/`)), 'node_modules', m[1]));
}
const notices = [...packages].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, dir]) => {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license'].map((f) => join(dir, f)).find((f) => existsSync(f));
  return `${name} ${pkg.version} (${pkg.license ?? 'see its package'})\n\n${file === undefined ? '' : readFileSync(file, 'utf8').trim()}\n`;
});
writeFileSync(join(out, 'licenses.txt'), `What app.js bundles besides taskpod (Apache-2.0):\n\n${notices.join('\n----\n\n')}`);

copyFileSync(join(source, 'index.html'), join(out, 'index.html'));
copyFileSync(join(source, 'style.css'), join(out, 'app.css'));
const mermaidDir = dirname(require.resolve('mermaid/package.json'));
copyFileSync(join(mermaidDir, 'dist', 'mermaid.min.js'), join(out, 'mermaid.min.js'));
if (existsSync(join(mermaidDir, 'LICENSE'))) copyFileSync(join(mermaidDir, 'LICENSE'), join(out, 'mermaid.LICENSE.txt'));

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = ['index.html', 'app.css', 'app.js', 'mermaid.min.js'].map((f) => {
  const data = readFileSync(join(out, f));
  return { f, raw: statSync(join(out, f)).size, gz: gzipSync(data, { level: 9 }).length };
});
const page = rows.filter((r) => r.f !== 'mermaid.min.js');
console.log(`${relative(root, out)}/ (${examples.length} examples):`);
for (const r of rows) console.log(`  ${r.f.padEnd(15)} ${kb(r.raw).padStart(11)}  gzip ${kb(r.gz).padStart(10)}${r.f === 'mermaid.min.js' ? '  (loaded when the diagram tab opens)' : ''}`);
console.log(`  ${'page, cold load'.padEnd(15)} ${kb(page.reduce((s, r) => s + r.raw, 0)).padStart(11)}  gzip ${kb(page.reduce((s, r) => s + r.gz, 0)).padStart(10)}`);
if (process.env.TASKPOD_PLAYGROUND_ANALYZE) console.log(await esbuild.analyzeMetafile(result.metafile));
