/**
 * The few Go standard-library behaviours the resource code depends on, so
 * that values Tekton computed with them come out byte for byte the same:
 * `strings.EqualFold` against ASCII words, `strings.ToUpper`,
 * `strings.TrimSpace`, `strconv.ParseBool`, `path/filepath.Join`,
 * `encoding/base64` decoding (partial output on bad input) and
 * `encoding/json` string escaping.
 *
 * @packageDocumentation
 */
import { cleanPath } from '../util';

/**
 * Go's `strings.EqualFold(s, word)` for an ASCII `word`: Unicode simple case
 * folding, under which only the Kelvin sign folds to `k` and the long s to
 * `s` among non-ASCII characters.
 *
 * @example
 * ```ts
 * equalFoldAscii('URL', 'url'); // true
 * equalFoldAscii('To\u212Aen', 'token'); // true (Kelvin sign)
 * ```
 */
export function equalFoldAscii(s: string, word: string): boolean {
  // ASCII text (the usual case) compares unit by unit; any other character
  // takes the code-point path below.
  if (s.length === word.length) {
    let ascii = true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) {
        ascii = false;
        break;
      }
      if (c !== word.charCodeAt(i) && lowerAscii(c) !== lowerAscii(word.charCodeAt(i))) return false;
    }
    if (ascii) return true;
  }
  const chars = [...s];
  if (chars.length !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    const c = chars[i]!;
    const w = word[i]!.toLowerCase();
    if (c === '\u212A') {
      if (w !== 'k') return false;
    } else if (c === '\u017F') {
      if (w !== 's') return false;
    } else if (c.length !== 1 || c.charCodeAt(0) > 0x7f || c.toLowerCase() !== w) {
      return false;
    }
  }
  return true;
}

/** An ASCII letter's lower case; any other unit as it is. */
const lowerAscii = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

/**
 * Go's `strings.ToUpper`: each code point mapped to its simple upper case
 * (a character whose upper case is several characters, like `ß`, stays).
 *
 * @example
 * ```ts
 * goToUpper('githubToken'); // 'GITHUBTOKEN'
 * ```
 */
export function goToUpper(s: string): string {
  let out = '';
  for (const c of s) {
    const u = c.toUpperCase();
    out += [...u].length === 1 ? u : c;
  }
  return out;
}

/** Go's `unicode.IsSpace`. (No `u` flag: every space is in the BMP, and Stryker's regex mutants of `\v` are invalid under it.) */
function isGoSpace(c: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]$/.test(c);
}

/**
 * Go's `strings.TrimSpace` (Unicode white space, but not U+FEFF, which
 * JavaScript's `trim` also removes).
 *
 * @example
 * ```ts
 * goTrimSpace('  gs://bucket \n'); // 'gs://bucket'
 * ```
 */
export function goTrimSpace(s: string): string {
  const chars = [...s];
  let a = 0;
  let b = chars.length;
  while (a < b && isGoSpace(chars[a]!)) a++;
  while (b > a && isGoSpace(chars[b - 1]!)) b--;
  return chars.slice(a, b).join('');
}

/**
 * Go's `strconv.ParseBool`; `undefined` where Go returns an error.
 *
 * @example
 * ```ts
 * goParseBool('True'); // true
 * goParseBool('yes'); // undefined
 * ```
 */
export function goParseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/**
 * Go's `filepath.Join`: the non-empty parts joined by `/` and cleaned; `''`
 * when every part is empty.
 *
 * @example
 * ```ts
 * joinPath('/workspace/output/', 'src'); // '/workspace/output/src'
 * joinPath('/workspace', '../etc'); // '/etc'
 * ```
 */
export function joinPath(...parts: readonly string[]): string {
  let joined = '';
  for (const p of parts) if (p !== '') joined = joined === '' ? p : `${joined}/${p}`;
  return joined === '' ? '' : cleanPath(joined);
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Go's `base64.StdEncoding.DecodeString`, keeping what Go keeps: the bytes of
 * every complete quantum decoded before the first error (Tekton ignored the
 * error and used those bytes). Line breaks are skipped, as Go skips them.
 *
 * @example
 * ```ts
 * Buffer.from(goBase64Decode('bXktY2EtY2VydAo=')).toString(); // 'my-ca-cert\n'
 * goBase64Decode('bXk*').length; // 0
 * ```
 */
export function goBase64Decode(text: string): Uint8Array {
  const src = Buffer.from(text, 'utf8');
  const out: number[] = [];
  let si = 0;
  const isNewline = (b: number | undefined) => b === 0x0a || b === 0x0d;
  while (si < src.length) {
    const quantum: number[] = [];
    let dlen = 4;
    let failed = false;
    let stop = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        // Standard encoding requires padding: a short final quantum is an error.
        return Uint8Array.from(out);
      }
      const b = src[si]!;
      si++;
      const v = BASE64_ALPHABET.indexOf(String.fromCharCode(b));
      if (b < 0x80 && v >= 0) {
        quantum.push(v);
        continue;
      }
      if (isNewline(b)) {
        j--;
        continue;
      }
      if (b !== 0x3d) return Uint8Array.from(out);
      // Padding: only after two or three characters of the quantum.
      if (j === 0 || j === 1) return Uint8Array.from(out);
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length || src[si] !== 0x3d) return Uint8Array.from(out);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) failed = true;
      dlen = j;
      stop = true;
      break;
    }
    while (quantum.length < 4) quantum.push(0);
    const val = (quantum[0]! << 18) | (quantum[1]! << 12) | (quantum[2]! << 6) | quantum[3]!;
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (failed || stop) return Uint8Array.from(out);
  }
  return Uint8Array.from(out);
}

/**
 * A Go string made of arbitrary bytes, as it reads once Go's JSON encoder
 * has written it: each byte that is not part of valid UTF-8 becomes U+FFFD.
 *
 * @example
 * ```ts
 * goBytesToString(Uint8Array.from([0x61, 0xff])); // 'a\uFFFD'
 * ```
 */
export function goBytesToString(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    const need = b0 < 0x80 ? 0 : b0 >= 0xc2 && b0 <= 0xdf ? 1 : b0 >= 0xe0 && b0 <= 0xef ? 2 : b0 >= 0xf0 && b0 <= 0xf4 ? 3 : -1;
    if (need === 0) {
      out += String.fromCharCode(b0);
      i++;
      continue;
    }
    if (need < 0 || i + need > bytes.length - 1) {
      out += '\uFFFD';
      i++;
      continue;
    }
    const b1 = bytes[i + 1]!;
    const lo = b0 === 0xe0 ? 0xa0 : b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xed ? 0x9f : b0 === 0xf4 ? 0x8f : 0xbf;
    let ok = b1 >= lo && b1 <= hi;
    for (let k = 2; ok && k <= need; k++) ok = bytes[i + k]! >= 0x80 && bytes[i + k]! <= 0xbf;
    if (!ok) {
      out += '\uFFFD';
      i++;
      continue;
    }
    out += Buffer.from(bytes.subarray(i, i + need + 1)).toString('utf8');
    i += need + 1;
  }
  return out;
}

/**
 * A JSON string literal as Go's `encoding/json` writes it: `<`, `>` and `&`
 * escaped as `\u003c`, `\u003e`, `\u0026`; U+2028 and U+2029 escaped; control
 * characters other than `\n`, `\r`, `\t` as `\u00XX`.
 *
 * @example
 * ```ts
 * goJsonString('a<b'); // '"a\\u003cb"'
 * ```
 */
export function goJsonString(s: string): string {
  // Most strings need no escape at all: then they are only quoted.
  let i = 0;
  while (i < s.length && !needsJsonEscape(s.charCodeAt(i))) i++;
  if (i === s.length) return `"${s}"`;
  let out = `"${s.slice(0, i)}`;
  for (const c of i === 0 ? s : s.slice(i)) {
    const code = c.codePointAt(0)!;
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || c === '<' || c === '>' || c === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += c;
  }
  return `${out}"`;
}

/** Whether a UTF-16 unit is escaped, or (a surrogate) may be: `goJsonString` writes it another way. */
const needsJsonEscape = (c: number): boolean =>
  c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff);

/** A value Go's `encoding/json` would print: objects keep their key order (a struct's field order). */
export type GoJson = string | number | boolean | null | readonly GoJson[] | { readonly [key: string]: GoJson };

/**
 * Go's `json.Marshal` of a value whose objects are structs (keys in field
 * order, as given).
 *
 * @example
 * ```ts
 * goJson([{ name: 'img', digest: '' }]); // '[{"name":"img","digest":""}]'
 * ```
 */
export function goJson(v: GoJson): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const xs = v as readonly GoJson[];
    let out = '[';
    for (let i = 0; i < xs.length; i++) out += i === 0 ? goJson(xs[i]!) : `,${goJson(xs[i]!)}`;
    return `${out}]`;
  }
  const o = v as { readonly [key: string]: GoJson };
  const keys = Object.keys(o);
  let out = '{';
  for (let i = 0; i < keys.length; i++) out += `${i === 0 ? '' : ','}${goJsonString(keys[i]!)}:${goJson(o[keys[i]!]!)}`;
  return `${out}}`;
}

/**
 * A field only when its list has items, as Go's `omitempty` drops a nil or
 * empty slice.
 *
 * @example
 * ```ts
 * ({ name: 'x', ...omitEmpty('env', []) }); // { name: 'x' }
 * ```
 */
export function omitEmpty<K extends string, T>(key: K, xs: readonly T[] | undefined): { readonly [P in K]?: readonly T[] } {
  return (xs !== undefined && xs.length > 0 ? { [key]: xs } : {}) as { readonly [P in K]?: readonly T[] };
}
