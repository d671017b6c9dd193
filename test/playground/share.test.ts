/**
 * playground/src/share.ts: the state in the URL fragment comes back as it
 * was, is smaller than the text it carries, and a damaged or foreign
 * fragment is told apart from none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeState, encodeState, SharedState } from '../../playground/src/share';
import { checkAsyncProperty } from '../helpers/runs';

const demo = readFileSync(join(__dirname, '..', '..', 'fixtures', 'demo', 'input.yaml'), 'utf8');

test('the demo goes into a link and comes back, in fewer characters than its text', async () => {
  const state: SharedState = { input: demo, config: 'imageEntrypoints: {ubuntu: [/bin/bash]}\n', options: { sidecars: 'native', nopContains: ['/bin/sh'] } };
  const hash = await encodeState(state);
  expect(hash).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
  expect(hash.length).toBeLessThan(demo.length);
  expect(await decodeState(hash)).toEqual(state);
});

test('any texts and options come back unchanged', async () => {
  await checkAsyncProperty(
    'playground: shared state round trip',
    100,
    fc.asyncProperty(fc.string({ unit: 'grapheme' }), fc.string(), fc.constantFrom('nop' as const, 'native' as const), fc.array(fc.string()), async (input, config, sidecars, nopContains) => {
      const state: SharedState = { input, config, options: { sidecars, nopContains } };
      expect(await decodeState(await encodeState(state))).toEqual(state);
    }),
  );
});

test('no state, a damaged state, a cut-short link', async () => {
  expect(await decodeState('')).toBeUndefined();
  expect(await decodeState('#section-2')).toBeUndefined();
  const hash = await encodeState({ input: demo, config: '', options: { sidecars: 'nop', nopContains: [] } });
  expect(await decodeState(hash.slice(0, hash.length / 2))).toEqual({ error: expect.stringMatching(/could not be read/) });
  expect(await decodeState('#v1.!!!')).toEqual({ error: expect.stringMatching(/could not be read/) });
});
