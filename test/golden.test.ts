/**
 * Golden fixtures: every fixtures/<feature>/ folder with an input.yaml (and
 * config.yaml when it needs one) and a pod.yaml is rendered and compared
 * with its pod.yaml, first as data (deep equality, for a readable diff),
 * then as text, byte for byte. `UPDATE_GOLDEN=1 npx jest test/golden.test.ts`
 * rewrites the pod.yaml files; review them by eye against Tekton's rules
 * before committing. A folder without pod.yaml (a demo, a case being
 * written) is left alone: it is not rendered and nothing is written to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkGolden, findGoldenCases, goldenFailure, LIST_FILE, POD_FILE } from '../src/testing';

const ROOT = join(__dirname, '..', 'fixtures');
// A TaskRun case pins its Pod (pod.yaml), a PipelineRun case the List of everything created (list.yaml).
const outputOf = (dir: string) => (existsSync(join(dir, LIST_FILE)) ? LIST_FILE : POD_FILE);
const cases = findGoldenCases(ROOT).filter((dir) => existsSync(join(dir, outputOf(dir))));

it('finds the fixtures', () => {
  expect(cases.length).toBeGreaterThan(0);
});

describe.each(cases.map((dir) => [dir.slice(ROOT.length + 1), dir]))('%s', (_name, dir) => {
  // Each test renders for itself (a render takes milliseconds): Stryker
  // counts code run in a describe body as static and would credit no test
  // with the mutants a golden file catches.
  const check = () => checkGolden(dir, { root: ROOT, createMissing: false });

  it('renders (not a refusal)', () => {
    expect(check().file).toBe(join(dir, outputOf(dir)));
  });

  it('renders what the committed file holds (deep equality)', () => {
    const committed = parse(readFileSync(join(dir, outputOf(dir)), 'utf8'), { version: '1.1' }) as unknown;
    expect(parse(check().actual, { version: '1.1' })).toEqual(committed);
  });

  it('prints the committed file byte for byte', () => {
    expect(goldenFailure(check())).toBeUndefined();
  });
});
