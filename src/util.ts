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
  return [...xs].sort(compareGoStrings);
}

const UNCLEAN = /\/\/|(^|\/)\.\.?(\/|$)|.\/$/;

/** Go's `filepath.Clean` for slash-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  // Already clean (the usual case): no empty, `.` or `..` element, no trailing slash.
  if (!UNCLEAN.test(p)) return p;
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
