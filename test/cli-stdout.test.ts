/**
 * The built CLI (bin/taskpod.js, as `npm run build` leaves it) writes its
 * output straight to file descriptor 1, in pieces: every byte arrives, also
 * past the first piece and where a piece would end inside a character
 * that takes two UTF-16 units. Compared with what `main` hands its stdout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../src/cli/main';

const ROOT = path.join(__dirname, '..');

/** A TaskRun whose script is long, dense with emoji (two UTF-16 units each) around the first 64K. */
function input(name: string): string {
  const line = '😀'.repeat(200);
  const script = ['#!/bin/sh', ...Array.from({ length: 400 }, (_, i) => `echo ${i} ${line}`)].join('\n');
  return [
    'apiVersion: tekton.dev/v1alpha1',
    'kind: TaskRun',
    `metadata: {name: ${name}, namespace: default}`,
    'spec:',
    '  taskSpec:',
    '    steps:',
    '    - name: emit',
    '      image: busybox',
    `      script: ${JSON.stringify(script)}`,
    '---',
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata: {name: default, namespace: default}',
    '',
  ].join('\n');
}

describe('taskpod render, output through the file descriptor', () => {
  let dir = '';
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run npm run build first');
    dir = mkdtempSync(path.join(tmpdir(), 'taskpod-stdout-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints every byte of a large Pod, also where the first 64K end inside a character', async () => {
    let split = 0;
    // Names of both lengths' parities: the first 64K then end once between
    // the two halves of an emoji, once after one.
    for (const name of ['odd', 'even']) {
      const file = path.join(dir, `${name}.yaml`);
      writeFileSync(file, input(name));
      let expected = '';
      const code = await main(['render', '-f', file], { stdout: (s) => (expected += s), stderr: () => undefined });
      expect(code).toBe(0);
      expect(expected.length).toBeGreaterThan(2 * 65536);
      if ((expected.charCodeAt(65535) & 0xfc00) === 0xd800) split++;
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'taskpod.js'), 'render', '-f', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(r.status).toBe(0);
      expect(r.stdout.length).toBe(expected.length);
      expect(r.stdout === expected).toBe(true);
    }
    expect(split).toBe(1);
  });
});
