/**
 * taskpod is a pure function of its input: the same input gives the same
 * Pod (byte for byte, in one process and across processes), and the input
 * is never changed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { parseDocuments } from '../../src/input/yaml';
import { scenario } from '../arbitraries/taskrun';
import { nearValid } from '../arbitraries/broken';
import { deepFreeze } from '../helpers/deep-freeze';
import { distIsFresh, twoCliRenders } from '../helpers/cli-process';
import { render, renderOk, toYaml } from '../helpers/render';
import { checkAsyncProperty, checkProperty } from '../helpers/runs';

describe('purity', () => {
  // Protects: determinism — Tekton's random names are derived from the
  // input, and nothing depends on time, object identity or iteration
  // accidents: two renders of equal inputs give the same Pod, same key
  // order, byte for byte. Refusals are equally stable.
  it('the same input renders the same Pod (or the same error), byte for byte', () => {
    checkProperty('determinism in one process', 150, fc.property(fc.oneof(scenario(), nearValid()), (s) => {
      const a = render(structuredClone({ docs: s.docs, config: s.config }));
      const b = render(structuredClone({ docs: s.docs, config: s.config }));
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }));
  });

  // Protects: inputs are read, never written — every input object is
  // deep-frozen (a write throws in strict code) and must render the same
  // Pod as an unfrozen copy; the frozen objects still equal their snapshot.
  it('never mutates its input', () => {
    checkProperty('input never mutated', 150, fc.property(fc.oneof(scenario(), nearValid()), (s) => {
      const input = { docs: s.docs, config: s.config };
      const before = structuredClone(input);
      const fromCopy = render(structuredClone(input));
      const fromFrozen = render(deepFreeze(input));
      expect(JSON.stringify(fromFrozen)).toBe(JSON.stringify(fromCopy));
      expect(input).toEqual(before);
    }));
  });

  // Protects: determinism across processes — two runs of the CLI on the
  // same files print the same bytes (no per-process randomness such as
  // hash seeds or timestamps), and that output is the in-process Pod.
  // (Skipped under Stryker: the CLI processes run dist/, which it does not mutate.)
  (process.env.TASKPOD_PROPERTY_RUNS === 'mutation' ? describe.skip : describe)('across processes', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'taskpod-det-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('two `taskpod render` processes print the same Pod', async () => {
      const fresh = distIsFresh();
      let n = 0;
      await checkAsyncProperty('determinism across processes', 4, fc.asyncProperty(scenario(), async (s) => {
        const [a, b] = await twoCliRenders(dir, String(n++), s.docs, s.config);
        expect(b).toBe(a);
        expect(a.length).toBeGreaterThan(0);
        // The CLI runs dist/: compare with this process only when dist/ is built from the current src/.
        if (fresh) expect(JSON.parse(a)).toEqual(renderOk(s));
      }), { timeout: 60_000 });
    });
  });

  // Protects: the YAML path — the documents written as YAML and read back
  // by taskpod give the Pod the documents themselves give.
  it('YAML text and the documents it holds render the same Pod', () => {
    checkProperty('YAML round trip', 60, fc.property(scenario(), (s) => {
      const docs = parseDocuments(toYaml(s.docs), 'input.yaml');
      expect(E.isRight(docs)).toBe(true);
      if (E.isRight(docs)) expect(render({ docs: docs.right, config: s.config })).toEqual(render(s));
    }));
  });
});
