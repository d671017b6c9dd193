/**
 * Every generated name of the Pod. Tekton appended random characters; taskpod
 * derives the same shape from the input instead (a SHA-256 of a seed, the
 * base and a key that tells uses of one base apart), so the same input always
 * yields the same Pod.
 *
 * @packageDocumentation
 */
import { sha256Scratch, sha256Words } from './sha256';

/** Longest Kubernetes object/container name. */
export const MAX_NAME_LENGTH = 63;
const SUFFIX_LENGTH = 5;
const MAX_BASE_LENGTH = MAX_NAME_LENGTH - SUFFIX_LENGTH - 1;
/** The alphabet of k8s.io/apimachinery's rand.String, which Tekton used (no vowels, no 0/1/3). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const SUFFIX_CODES = Array.from(SUFFIX_ALPHABET, (c) => c.charCodeAt(0));

const WORDS = new Int32Array(8);

/**
 * The SHA-256 of the parts, each written `<length>:<part>` in UTF-8 (as
 * hash.update(string) did), into WORDS. The bytes go straight into the
 * hash's buffer: one pass per part, no joined string, no encoder object.
 */
function digest(parts: readonly string[]): Int32Array {
  // At most three UTF-8 bytes per UTF-16 unit, plus the framing.
  let most = 0;
  for (const p of parts) most += 3 * p.length + 11;
  const buf = sha256Scratch(most);
  let at = 0;
  for (const p of parts) {
    at = writeDecimal(buf, at, p.length);
    buf[at++] = 0x3a; // ':'
    at = writeUtf8(buf, at, p);
  }
  sha256Words(buf, at, WORDS);
  return WORDS;
}

/** `n` in decimal digits into `buf` at `at`; the index after them. */
function writeDecimal(buf: Uint8Array, at: number, n: number): number {
  if (n < 10) {
    buf[at] = 0x30 + n;
    return at + 1;
  }
  const digits = String(n);
  for (let i = 0; i < digits.length; i++) buf[at + i] = digits.charCodeAt(i);
  return at + digits.length;
}

/**
 * `s` in UTF-8 into `buf` at `at`; the index after it. A lone surrogate
 * becomes U+FFFD, as Buffer.from and TextEncoder write it.
 */
function writeUtf8(buf: Uint8Array, at: number, s: string): number {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[at++] = c;
    } else if (c < 0x800) {
      buf[at++] = 0xc0 | (c >> 6);
      buf[at++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          buf[at++] = 0xf0 | (c >> 18);
          buf[at++] = 0x80 | ((c >> 12) & 0x3f);
          buf[at++] = 0x80 | ((c >> 6) & 0x3f);
          buf[at++] = 0x80 | (c & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      buf[at++] = 0xe0 | (c >> 12);
      buf[at++] = 0x80 | ((c >> 6) & 0x3f);
      buf[at++] = 0x80 | (c & 0x3f);
    }
  }
  return at;
}

/** Byte i of the digest in WORDS. */
const byteOf = (words: Int32Array, i: number): number => (words[i >> 2]! >>> (24 - 8 * (i & 3))) & 0xff;

/**
 * Five characters of Tekton's suffix alphabet, derived from the parts.
 *
 * @example
 * ```ts
 * suffix(['default/run', 'place-scripts']); // e.g. 'x7kq2'
 * ```
 */
export function suffix(parts: readonly string[]): string {
  const d = digest(parts);
  const n = SUFFIX_ALPHABET.length;
  // One string of the five characters, the first five bytes of the digest mod 27.
  return String.fromCharCode(
    SUFFIX_CODES[byteOf(d, 0) % n]!,
    SUFFIX_CODES[byteOf(d, 1) % n]!,
    SUFFIX_CODES[byteOf(d, 2) % n]!,
    SUFFIX_CODES[byteOf(d, 3) % n]!,
    SUFFIX_CODES[byteOf(d, 4) % n]!,
  );
}

/**
 * Tekton's RestrictLengthWithRandomSuffix, made deterministic: the base cut to
 * 57 characters, `-`, and five characters derived from `seed`, the base and
 * `key`.
 *
 * @example
 * ```ts
 * withSuffix('default/run', 'secret-volume-regcred', '0'); // 'secret-volume-regcred-<5 chars>'
 * ```
 *
 * @public
 */
export function withSuffix(seed: string, base: string, key = ''): string {
  const cut = base.length > MAX_BASE_LENGTH ? base.slice(0, MAX_BASE_LENGTH) : base;
  return `${cut}-${suffix([seed, base, key])}`;
}

/**
 * Tekton's RestrictLength: cut to 63 characters, then drop trailing
 * characters that are not ASCII letters or digits.
 *
 * @example
 * ```ts
 * restrictLength('step-' + 'a'.repeat(70)); // 63 characters
 * ```
 *
 * @public
 */
export function restrictLength(base: string): string {
  let end = base.length > MAX_NAME_LENGTH ? MAX_NAME_LENGTH : base.length;
  while (end > 0 && !isAsciiAlphanumeric(base.charCodeAt(end - 1))) end--;
  return end === base.length ? base : base.slice(0, end);
}

const isAsciiAlphanumeric = (c: number): boolean => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/**
 * The Pod's name: `<taskrun>-pod-<6 hex digits>` derived from the seed.
 *
 * @example
 * ```ts
 * podName('default/run', 'run'); // 'run-pod-1a2b3c'
 * ```
 *
 * @public
 */
export function podName(seed: string, taskRunName: string): string {
  // The first three bytes of the digest: the top 24 bits of its first word.
  const top = (digest([seed, 'pod'])[0]! >>> 8).toString(16);
  return `${taskRunName}-pod-${top.length === 6 ? top : top.padStart(6, '0')}`;
}

/**
 * The name the API server would give an object created with only
 * `generateName`: the prefix plus five characters, derived from `content`.
 *
 * @example
 * ```ts
 * generatedName('build-', '{"spec":...}'); // 'build-<5 chars>'
 * ```
 *
 * @public
 */
export function generatedName(prefix: string, content: string): string {
  const cut = prefix.length > MAX_NAME_LENGTH - SUFFIX_LENGTH ? prefix.slice(0, MAX_NAME_LENGTH - SUFFIX_LENGTH) : prefix;
  return `${cut}${suffix(['generateName', prefix, content])}`;
}
