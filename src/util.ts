/**
 * Small helpers shared by the transforms.
 *
 * @packageDocumentation
 */

/** Go's string order (`sort.Strings`): byte-wise over UTF-8. */
export function compareGoStrings(a: string, b: string): number {
  // UTF-16 code units below U+D800 order as their UTF-8 bytes do, so the
  // first difference decides without encoding; a surrogate or a unit from
  // U+E000 up at the difference is compared as UTF-8 bytes.
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** A copy of `xs`, sorted in Go's string order. */
export function sortGoStrings(xs: Iterable<string>): string[] {
  const out = [...xs];
  if (out.length > 8) return out.sort(compareGoStrings);
  // The lists sorted per render are short (working dirs, annotations), where
  // Array.prototype.sort's set-up costs more than an insertion sort.
  for (let i = 1; i < out.length; i++) {
    const x = out[i]!;
    let j = i - 1;
    for (; j >= 0 && compareGoStrings(out[j]!, x) > 0; j--) out[j + 1] = out[j]!;
    out[j + 1] = x;
  }
  return out;
}

const SLASH = 0x2f;
const DOT = 0x2e;

/**
 * Whether `cleanPath` would return `p` unchanged: no empty element (`//`),
 * no `.` or `..` element, no trailing slash after another character.
 */
function isClean(p: string): boolean {
  const n = p.length;
  if (n > 1 && p.charCodeAt(n - 1) === SLASH) return false;
  for (let i = 0; i < n; i++) {
    const c = p.charCodeAt(i);
    if (c === SLASH) {
      if (i + 1 < n && p.charCodeAt(i + 1) === SLASH) return false;
    } else if (c === DOT && (i === 0 || p.charCodeAt(i - 1) === SLASH)) {
      // `.` or `..` as a whole element
      const next = i + 1 < n ? p.charCodeAt(i + 1) : SLASH;
      if (next === SLASH) return false;
      if (next === DOT && (i + 2 === n || p.charCodeAt(i + 2) === SLASH)) return false;
    }
  }
  return true;
}

/** Go's `filepath.Clean` for slash-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  // Already clean (the usual case): no empty, `.` or `..` element, no trailing slash.
  if (isClean(p)) return p;
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** Go's `filepath.Rel` for two cleaned absolute paths; `undefined` where Go errs. */
export function relPath(base: string, target: string): string | undefined {
  const b = cleanPath(base);
  const t = cleanPath(target);
  if (b.startsWith('/') !== t.startsWith('/')) return undefined;
  if (b === t) return '.';
  if (b.startsWith('/')) {
    // The usual cases: from the root, or to a path under the base.
    if (b === '/') return t.slice(1);
    if (t.startsWith(b) && t.charCodeAt(b.length) === SLASH) return t.slice(b.length + 1);
  }
  const bs = b === '/' ? [] : b.split('/').slice(1);
  const ts = t === '/' ? [] : t.split('/').slice(1);
  let i = 0;
  while (i < bs.length && i < ts.length && bs[i] === ts[i]) i++;
  const up = bs.slice(i).map(() => '..');
  return [...up, ...ts.slice(i)].join('/');
}

/**
 * `T` with its fields writable: for a copy made with a spread and then
 * given new fields by assignment, which V8 runs several times faster than
 * one object literal with the spread and the fields together, for the same
 * object, keys in the same order (docs/performance.md).
 */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Non-empty arrays stay, empty or missing ones become `undefined` (Go's omitempty). */
export function nonEmpty<T>(xs: readonly T[] | undefined): readonly T[] | undefined {
  return xs !== undefined && xs.length > 0 ? xs : undefined;
}

/**
 * `JSON.stringify` without indentation, except that a bigint (an integer the
 * YAML reader could not hold as a number) is written as its digits where
 * `JSON.stringify` would throw.
 *
 * @example
 * ```ts
 * jsonText({ n: 9007199254740993n }); // '{"n":9007199254740993}'
 * ```
 */
export function jsonText(v: unknown): string | undefined {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map((x: unknown) => jsonText(x) ?? 'null').join(',')}]`;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
    const o = v as Record<string, unknown>;
    const fields = Object.keys(o).flatMap((k) => {
      const x = jsonText(o[k]);
      return x === undefined ? [] : [`${JSON.stringify(k)}:${x}`];
    });
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(v);
}

/** A stable JSON text (object keys sorted) for hashing. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return jsonText(v) ?? 'null';
}

/**
 * `xs` with `f(x, arg)` for each item, copy on write: `xs` itself when `f`
 * returns every item unchanged (the same object), else a copy from the
 * first changed item on. `arg` lets `f` be a plain function, so that no
 * closure is made per list.
 *
 * @example
 * ```ts
 * const xs = ['a', 'b'];
 * mapChanged(xs, (x: string) => x, undefined) === xs; // true
 * mapChanged(xs, (x: string, suffix: string) => (x === 'b' ? x + suffix : x), '!'); // ['a', 'b!']
 * ```
 */
export function mapChanged<T, A>(xs: readonly T[], f: (x: T, arg: A) => T, arg: A): readonly T[] {
  let i = 0;
  let y: T | undefined;
  for (; i < xs.length; i++) if ((y = f(xs[i]!, arg)) !== xs[i]) break;
  if (i === xs.length) return xs;
  const out = xs.slice(0, i);
  out.push(y!);
  for (i++; i < xs.length; i++) out.push(f(xs[i]!, arg));
  return out;
}
