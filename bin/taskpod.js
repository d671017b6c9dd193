#!/usr/bin/env node
'use strict';
// The taskpod command. It runs dist/cli/bundle.js, the CLI and its
// dependencies in one file (esbuild, scripts/bundle-cli.mjs, run by
// `npm run build`), compiled from V8's code cache dist/cli/bundle.cache when
// that cache was made by the same build and this V8 accepts it: resolving
// and compiling ~100 modules was most of the CLI's start-up
// (docs/performance.md). Without the bundle (a bare `tsc` build), it runs
// dist/cli/main.js as before; without a usable cache, it compiles as usual.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const CLI_DIR = path.join(__dirname, '..', 'dist', 'cli');

/** The first line of the bundle, `// taskpod-cli <build id>`, also heads the cache. */
function buildId(source) {
  const m = /^\/\/ taskpod-cli (\S+)\n/.exec(source);
  return m === null ? undefined : m[1];
}

/**
 * Loads the CLI module: `{ main, ... }` and, for the build's cache step,
 * the compiled script.
 */
function loadCli() {
  const file = path.join(CLI_DIR, 'bundle.js');
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return { cli: require('../dist/cli/main.js'), script: undefined };
  }
  const id = buildId(source);
  let cachedData;
  try {
    const cache = fs.readFileSync(path.join(CLI_DIR, 'bundle.cache'));
    const header = Buffer.from(`taskpod-cli ${id}\n`);
    if (id !== undefined && cache.subarray(0, header.length).equals(header)) cachedData = cache.subarray(header.length);
  } catch {
    // no cache: compile as usual
  }
  // The bundle is already the function CommonJS wraps a module in
  // (scripts/bundle-cli.mjs): compiled as read, with no second copy.
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, file, CLI_DIR);
  return { cli: module.exports, script };
}

module.exports = { loadCli };

if (require.main === module) {
  loadCli()
    .cli.main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
}
