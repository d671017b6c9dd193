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

const WORDS = new Int32Array(8);

/**
 * The SHA-256 of the parts, each written `<length>:<part>` in UTF-8 (as
 * hash.update(string) did), into WORDS. ASCII text (nearly always) is
 * written straight into the hash's buffer; every part starts with its
 * length's digits, so encoding the parts together equals encoding each.
 */
function digest(parts: readonly string[]): Int32Array {
  let text = '';
  for (const p of parts) text += `${p.length}:${p}`;
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) if (text.charCodeAt(i) > 0x7f) ascii = false;
  if (ascii) {
    const buf = sha256Scratch(text.length);
    for (let i = 0; i < text.length; i++) buf[i] = text.charCodeAt(i);
    sha256Words(buf, text.length, WORDS);
  } else {
    const bytes = Buffer.from(text, 'utf8');
    sha256Words(bytes, bytes.length, WORDS);
  }
  return WORDS;
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
  let out = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) out += SUFFIX_ALPHABET[byteOf(d, i) % SUFFIX_ALPHABET.length];
  return out;
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
  let s = base.length > MAX_NAME_LENGTH ? base.slice(0, MAX_NAME_LENGTH) : base;
  while (s.length > 0 && !/[a-zA-Z0-9]$/.test(s)) s = s.slice(0, -1);
  return s;
}

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
  const d = digest([seed, 'pod']);
  const hex = (i: number) => byteOf(d, i).toString(16).padStart(2, '0');
  return `${taskRunName}-pod-${hex(0)}${hex(1)}${hex(2)}`;
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
