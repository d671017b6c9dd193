/**
 * A jest reporter for `npm run test:deep`: gives every worker one tally file
 * (TASKPOD_PROPERTY_TALLY, see test/helpers/runs.ts) and, at the end, prints
 * how many generated inputs the properties checked in all, and how long it took.
 */
'use strict';
const { mkdtempSync, readFileSync, rmSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

class PropertyTotalReporter {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'taskpod-tally-'));
    this.file = join(this.dir, 'tally.jsonl');
    // Set before the workers start, so they inherit it.
    process.env.TASKPOD_PROPERTY_TALLY = this.file;
  }

  onRunStart() {
    this.started = Date.now();
  }

  onRunComplete() {
    const lines = existsSync(this.file) ? readFileSync(this.file, 'utf8').split('\n').filter((l) => l !== '') : [];
    const byName = new Map();
    for (const l of lines) {
      const { name, count } = JSON.parse(l);
      byName.set(name, (byName.get(name) ?? 0) + count);
    }
    const total = [...byName.values()].reduce((a, b) => a + b, 0);
    const seconds = Math.round((Date.now() - this.started) / 1000);
    const width = Math.max(0, ...[...byName.keys()].map((k) => k.length));
    const rows = [...byName].sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
    process.stdout.write(`\nProperty runs (${process.env.TASKPOD_PROPERTY_RUNS || 'default'} counts):\n${rows.join('\n')}\n`);
    process.stdout.write(`Generated inputs checked in all: ${total}, in ${seconds} s\n`);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

module.exports = PropertyTotalReporter;
