#!/usr/bin/env node
// Bundles the CLI for start-up (run by `npm run build` after tsc):
//
// 1. esbuild bundles src/cli/main.ts and its dependencies (fp-ts, io-ts,
//    yaml) into dist/cli/bundle.js, one minified CommonJS module written
//    as the function CommonJS wraps a module in, whose first line names
//    the build: `// taskpod-cli <sha256 of the rest>`. It reads
//    the TypeScript sources (the same ones tsc compiles to dist/) and the
//    ES module builds of fp-ts and io-ts, so that it can drop what nothing
//    uses and put the modules in one scope instead of a wrapper each;
//    what the CLI loads only when a command asks for it (`require()` in a
//    function) stays in a wrapper, initialised on first use;
// 2. a child process loads that bundle as bin/taskpod.js does, renders a
//    small TaskRun (so the functions a render calls are compiled), and
//    writes V8's code cache, headed by the same build id, to
//    dist/cli/bundle.cache.
//
// bin/taskpod.js uses the cache only when its header names the bundle's
// build and V8 accepts it (same V8 version and flags); otherwise it compiles
// the bundle as usual. Why: docs/performance.md.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const bundleFile = join(root, 'dist', 'cli', 'bundle.js');
const cacheFile = join(root, 'dist', 'cli', 'bundle.cache');

// What the cache step renders: a TaskRun with a script step, params, a
// stepTemplate and a sidecar, printed as YAML (the CLI's default).
const SAMPLE = `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: warm, namespace: default}
spec:
  inputs:
    params: [{name: greeting, value: hello}]
  taskSpec:
    inputs:
      params: [{name: greeting, type: string}]
    stepTemplate:
      env: [{name: LANG, value: C.UTF-8}]
    steps:
    - {name: greet, image: ubuntu, command: [echo], args: ['$(inputs.params.greeting)']}
    - name: build
      image: golang
      workingDir: /workspace/src
      resources: {requests: {memory: 1Gi}}
      script: |
        #!/bin/sh
        go version
    sidecars:
    - {name: registry, image: 'registry:2'}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`;

async function makeCache() {
  const { loadCli } = require(join(root, 'bin', 'taskpod.js'));
  const { cli, script } = loadCli();
  if (script === undefined) throw new Error('dist/cli/bundle.js is missing');
  let out = '';
  const code = await cli.main(['render', '-f', '-'], { stdout: (s) => (out += s), stderr: (s) => process.stderr.write(s) });
  if (code !== 0 || !out.includes('kind: Pod')) throw new Error(`the sample render failed (exit ${code})`);
  return script.createCachedData();
}

if (process.argv[2] === '--cache') {
  // Child: stdin is the sample; write the cache data to the file given.
  const data = await makeCache();
  writeFileSync(process.argv[3], Buffer.concat([Buffer.from(`taskpod-cli ${process.argv[4]}\n`), data]));
} else {
  const esbuild = require('esbuild');
  rmSync(cacheFile, { force: true });
  const result = await esbuild.build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    // fp-ts and io-ts: their ES module builds (`module`), which tree-shake.
    mainFields: ['module', 'main'],
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'warning',
  });
  // The file is the function CommonJS would wrap the module in, so that
  // bin/taskpod.js compiles the text as read: wrapping it there made a
  // second copy of the 370 KB source, which with the first was enough to
  // set off a scavenge during start-up (docs/performance.md).
  const text = `(function (exports, require, module, __filename, __dirname) {${result.outputFiles[0].text}\n})`;
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
  writeFileSync(bundleFile, `// taskpod-cli ${id}\n${text}`);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cache', cacheFile, id], { input: SAMPLE, stdio: ['pipe', 'inherit', 'inherit'] });
  if (child.status !== 0) {
    rmSync(cacheFile, { force: true });
    process.stderr.write('bundle-cli: no code cache written (the CLI still runs, compiled at start-up)\n');
  }
  console.log(`${relative(root, bundleFile)}: ${text.length} bytes; ${relative(root, cacheFile)}: ${child.status === 0 ? 'written' : 'none'}`);
}
