/**
 * names.ts: Tekton's name generator (pkg/names/generate.go) made
 * deterministic. Expected shapes and truncation come from generate.go and
 * k8s.io/apimachinery's rand.String; the RestrictLength cases from
 * pod_test.go ("very-long-step-name", "step-name-ends-with-non-alphanumeric").
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { generatedName, MAX_NAME_LENGTH, podName, restrictLength, suffix, withSuffix } from '../src/names';

const ALPHABET = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

describe('suffix', () => {
  it('is five characters of rand.String alphabet (no vowels, no 0, 1, 3)', () => {
    for (const parts of [[], ['a'], ['default/run', 'place-scripts'], ['x'.repeat(1000)]]) expect(suffix(parts)).toMatch(ALPHABET);
  });

  it('depends on every part, and on where parts are split', () => {
    expect(suffix(['a', 'b'])).toBe(suffix(['a', 'b']));
    expect(suffix(['a', 'b'])).not.toBe(suffix(['ab']));
    expect(suffix(['a', 'bc'])).not.toBe(suffix(['ab', 'c']));
  });
});

describe('withSuffix (RestrictLengthWithRandomSuffix)', () => {
  it('appends "-" and five characters to a short base', () => {
    expect(withSuffix('default/run', 'step-credential-initializer')).toMatch(/^step-credential-initializer-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('keeps a base of 57 characters whole: 63 in all', () => {
    const base = 'b'.repeat(57);
    const name = withSuffix('s', base);
    expect(name.slice(0, 58)).toBe(`${base}-`);
    expect(name).toHaveLength(MAX_NAME_LENGTH);
  });

  it('cuts a longer base to its first 57 characters', () => {
    const base = `secret-volume-${'a'.repeat(60)}`;
    const name = withSuffix('s', base);
    expect(name).toHaveLength(63);
    expect(name.slice(0, 58)).toBe(`${base.slice(0, 57)}-`);
  });

  it('keeps a trailing "-" of the cut base, as Go did', () => {
    const base = `${'a'.repeat(56)}-tail`;
    expect(withSuffix('s', base).slice(0, 58)).toBe(`${'a'.repeat(56)}--`);
  });

  it('is deterministic: same seed, base and key give the same name', () => {
    expect(withSuffix('ns/run', 'place-scripts', 'k')).toBe(withSuffix('ns/run', 'place-scripts', 'k'));
  });

  it('tells uses of one base apart by seed and by key', () => {
    const names = new Set([
      withSuffix('ns/run', 'secret-volume-x', '0'),
      withSuffix('ns/run', 'secret-volume-x', '1'),
      withSuffix('ns/other', 'secret-volume-x', '0'),
      withSuffix('other/run', 'secret-volume-x', '0'),
    ]);
    expect(names.size).toBe(4);
  });

  it('derives the suffix from the whole base, not the cut one', () => {
    const a = `${'a'.repeat(57)}-one`;
    const b = `${'a'.repeat(57)}-two`;
    expect(withSuffix('s', a)).not.toBe(withSuffix('s', b));
  });
});

describe('restrictLength (RestrictLength)', () => {
  it('leaves a short name alone', () => {
    expect(restrictLength('step-name')).toBe('step-name');
  });

  it('cuts to 63 and drops the trailing dashes (pod_test "very-long-step-name")', () => {
    expect(restrictLength('step-a-very-very-long-character-step-name-to-trigger-max-len----and-invalid-characters')).toBe(
      'step-a-very-very-long-character-step-name-to-trigger-max-len',
    );
  });

  it('drops trailing characters that are not letters or digits (pod_test "step-name-ends-with-non-alphanumeric")', () => {
    expect(restrictLength('step-ends-with-invalid-%%__$$')).toBe('step-ends-with-invalid');
  });

  it('keeps a name of exactly 63 characters', () => {
    const name = `step-${'x'.repeat(58)}`;
    expect(restrictLength(name)).toBe(name);
  });

  it('keeps upper-case letters and digits at the end', () => {
    expect(restrictLength('step-A')).toBe('step-A');
    expect(restrictLength('step-9')).toBe('step-9');
  });
});

describe('podName', () => {
  it('is <taskrun>-pod-<6 hex digits>', () => {
    expect(podName('default/run', 'run')).toMatch(/^run-pod-[0-9a-f]{6}$/);
  });

  it('is deterministic and follows the seed', () => {
    expect(podName('default/run', 'run')).toBe(podName('default/run', 'run'));
    expect(podName('default/run', 'run')).not.toBe(podName('other/run', 'run'));
  });

  it('is not cut, as Tekton did not cut it', () => {
    const long = 'r'.repeat(63);
    expect(podName(`default/${long}`, long)).toMatch(new RegExp(`^${long}-pod-[0-9a-f]{6}$`));
  });
});

describe('generatedName (the API server on generateName)', () => {
  it('is the prefix and five characters, no extra dash', () => {
    expect(generatedName('build-', '{}')).toMatch(/^build-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('keeps a prefix of 58 characters whole and cuts one of 60 to 58', () => {
    const kept = generatedName('q'.repeat(58), '{}');
    expect(kept).toHaveLength(63);
    expect(kept.slice(0, 58)).toBe('q'.repeat(58));
    const cut = generatedName('q'.repeat(60), '{}');
    expect(cut).toHaveLength(63);
    expect(cut.slice(58)).toMatch(ALPHABET);
  });

  it('cuts the prefix to 58 characters (63 in all)', () => {
    const name = generatedName('p'.repeat(70), '{}');
    expect(name).toHaveLength(63);
    expect(name.slice(0, 58)).toBe('p'.repeat(58));
  });

  it('depends on the content it is derived from', () => {
    expect(generatedName('build-', '{"a":1}')).toBe(generatedName('build-', '{"a":1}'));
    expect(generatedName('build-', '{"a":1}')).not.toBe(generatedName('build-', '{"a":2}'));
  });
});

/**
 * Users' golden files hold these names, so the derivation is part of the
 * contract: SHA-256 (here node:crypto's, not taskpod's own) over each part
 * framed as `<length>:<part>`, five bytes mod 27 into the suffix alphabet, or
 * three bytes in hex for the Pod.
 */
describe('the derivation is stable', () => {
  const framed = (parts: readonly string[]): Buffer =>
    createHash('sha256')
      .update(Buffer.concat(parts.map((p) => Buffer.from(`${p.length}:${p}`, 'utf8'))))
      .digest();
  const fiveChars = (parts: readonly string[]): string =>
    [...framed(parts).subarray(0, 5)].map((b) => 'bcdfghjklmnpqrstvwxz2456789'[b % 27]).join('');

  it.each([[[]], [['default/run', 'place-scripts']], [['ünï', 'cödé', '']], [['x'.repeat(300)]]])('suffix(%p)', (parts) => {
    expect(suffix(parts)).toBe(fiveChars(parts));
  });

  it('withSuffix derives from seed, whole base and key', () => {
    const base = 'b'.repeat(70);
    expect(withSuffix('ns/run', base, 'k')).toBe(`${'b'.repeat(57)}-${fiveChars(['ns/run', base, 'k'])}`);
    expect(withSuffix('ns/run', 'working-dir-initializer')).toBe(`working-dir-initializer-${fiveChars(['ns/run', 'working-dir-initializer', ''])}`);
  });

  it('podName is three bytes of the seed and "pod" in hex', () => {
    expect(podName('default/run', 'run')).toBe(`run-pod-${framed(['default/run', 'pod']).subarray(0, 3).toString('hex')}`);
  });

  it('suffix and podName match node:crypto on arbitrary parts (non-ASCII, lone surrogates, lengths across blocks)', () => {
    const part = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.array(fc.nat({ max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units)),
      fc.nat({ max: 200 }).map((n) => 'a'.repeat(n)),
    );
    fc.assert(fc.property(fc.array(part, { maxLength: 4 }), (parts) => suffix(parts) === fiveChars(parts)));
    fc.assert(
      fc.property(part, (seed) => podName(seed, 'run') === `run-pod-${framed([seed, 'pod']).subarray(0, 3).toString('hex')}`),
    );
  });

  it('generatedName derives from "generateName", the whole prefix and the content', () => {
    expect(generatedName('build-', '{"a":1}')).toBe(`build-${fiveChars(['generateName', 'build-', '{"a":1}'])}`);
  });
});

describe('restrictLength on names with no letter or digit', () => {
  it('leaves nothing', () => {
    expect(restrictLength('--__%%')).toBe('');
    expect(restrictLength('')).toBe('');
  });
});
