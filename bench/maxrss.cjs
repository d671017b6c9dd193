// Preloaded (node --require) into a CLI run by run.mjs: on exit, writes the
// process's peak resident set size in kilobytes (process.resourceUsage's
// maxRSS, the kernel's ru_maxrss) to the file named by BENCH_MAXRSS_FILE.
'use strict';
const fs = require('node:fs');

const file = process.env.BENCH_MAXRSS_FILE;
if (file) {
  process.on('exit', () => {
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
