/**
 * A fast reader for the YAML that Kubernetes objects are usually written
 * in: block mappings and sequences indented with spaces, plain and quoted
 * one-line scalars, literal and folded block scalars, one-line flow
 * collections, comments and `---` between documents.
 *
 * It is a fast path, not a second YAML reader: {@link readFast} answers only
 * for text it fully understands and returns `undefined` for everything else
 * (anchors, aliases, tags, merge keys, multi-line plain or quoted scalars,
 * tabs, directives, explicit keys, anything malformed), and the caller then
 * reads the text with the full reader (`yaml`, src/input/yaml.ts), which
 * gives the same values and every error message with its position. Where it
 * answers, the values are exactly the full reader's: scalars resolved by
 * go-yaml v2's rules (src/input/go-yaml.ts), keys spelled as
 * sigs.k8s.io/yaml spelled them, later duplicate keys winning in the first
 * one's place. test/input/fast-yaml.test.ts checks that on generated and
 * mutated documents.
 *
 * Why: the `yaml` package builds a concrete syntax tree, a document tree and
 * then our values, about 85% of decoding (docs/performance.md); this reads
 * the text once into the values.
 *
 * @packageDocumentation
 */
import { keyOfPlain, resolvePlain } from './go-yaml';

/** Thrown to give up: the full reader decides. Never escapes {@link readFast}. */
class Unsure {}
const UNSURE = new Unsure();

/** Characters that send the whole text to the full reader: tabs, CR, controls, NEL, BOM, line/paragraph separators, surrogates, non-characters. */
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const MAX_DEPTH = 200;
const MAX_KEY = 1000;

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Indicator characters a plain scalar cannot start with (block context). */
function badPlainStart(c: number, next: number): boolean {
  switch (c) {
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
    case 63: // ?
    case COLON:
      return true;
    case DASH:
      return next === SPACE || Number.isNaN(next);
    default:
      return false;
  }
}

/** One parse of one text. Lines are read in place: line i is `s.slice(lineStart[i], lineEnd[i])`. */
class Reader {
  private readonly lineStart: number[] = [];
  private readonly lineEnd: number[] = [];
  private depth = 0;

  constructor(private readonly s: string) {
    let p = 0;
    const n = s.length;
    while (p <= n) {
      let e = s.indexOf('\n', p);
      if (e < 0) e = n;
      this.lineStart.push(p);
      this.lineEnd.push(e);
      p = e + 1;
    }
    // A text ending in \n has no line after it.
    if (n > 0 && s.charCodeAt(n - 1) === 10) {
      this.lineStart.pop();
      this.lineEnd.pop();
    }
  }

  get lines(): number {
    return this.lineStart.length;
  }

  /** Leading spaces of line i. */
  indent(i: number): number {
    const a = this.lineStart[i]!;
    const e = this.lineEnd[i]!;
    let p = a;
    while (p < e && this.s.charCodeAt(p) === SPACE) p++;
    return p - a;
  }

  /** Whether line i holds only spaces, or a comment after spaces. */
  isBlankOrComment(i: number): boolean {
    const a = this.lineStart[i]!;
    const e = this.lineEnd[i]!;
    let p = a;
    while (p < e && this.s.charCodeAt(p) === SPACE) p++;
    return p === e || this.s.charCodeAt(p) === HASH;
  }

  /** The next line at or after i (before end) with content, or end. */
  nextContent(i: number, end: number): number {
    while (i < end && this.isBlankOrComment(i)) i++;
    return i;
  }

  /** The documents of the text. */
  documents(): unknown[] {
    const docs: unknown[] = [];
    let start = 0;
    let explicit = false;
    for (let i = 0; i < this.lines; i++) {
      const a = this.lineStart[i]!;
      const c = this.s.charCodeAt(a);
      if (c === 37 /* % */) throw UNSURE;
      if (c === DASH && this.s.startsWith('---', a)) {
        if (!this.isMarker(i)) throw UNSURE;
        this.document(start, i, explicit, docs);
        start = i + 1;
        explicit = true;
      } else if (c === 46 /* . */ && this.s.startsWith('...', a)) {
        throw UNSURE;
      }
    }
    this.document(start, this.lines, explicit, docs);
    return docs;
  }

  /** `---` alone, or followed by spaces and a comment. */
  private isMarker(i: number): boolean {
    const a = this.lineStart[i]! + 3;
    const e = this.lineEnd[i]!;
    if (a === e) return true;
    if (this.s.charCodeAt(a) !== SPACE) return false;
    let p = a;
    while (p < e && this.s.charCodeAt(p) === SPACE) p++;
    return p === e || this.s.charCodeAt(p) === HASH;
  }

  private document(start: number, end: number, explicit: boolean, docs: unknown[]): void {
    const first = this.nextContent(start, end);
    if (first === end) {
      if (explicit) docs.push(null);
      return;
    }
    const col = this.indent(first);
    const { value, next } = this.blockCollection(first, col, end);
    if (this.nextContent(next, end) !== end) throw UNSURE;
    docs.push(value);
  }

  /**
   * A block mapping or sequence whose first entry starts at line i, column
   * col (the collection's indentation); ends before the first content line
   * indented less (or at end).
   */
  private blockCollection(i: number, col: number, end: number): { value: unknown; next: number } {
    if (++this.depth > MAX_DEPTH) throw UNSURE;
    const p = this.lineStart[i]! + col;
    const c = this.s.charCodeAt(p);
    const r = c === DASH && this.isSeqIndicator(p, this.lineEnd[i]!) ? this.sequence(i, col, end) : this.mapping(i, col, end);
    this.depth--;
    return r;
  }

  private isSeqIndicator(p: number, e: number): boolean {
    return this.s.charCodeAt(p) === DASH && (p + 1 === e || this.s.charCodeAt(p + 1) === SPACE);
  }

  /** A block sequence at column col; the first item is on line i (from col). */
  private sequence(i: number, col: number, end: number): { value: unknown; next: number } {
    const out: unknown[] = [];
    let first = true;
    for (;;) {
      if (!first) {
        i = this.nextContent(i, end);
        if (i === end) break;
        const ind = this.indent(i);
        if (ind < col) break;
        if (ind > col) throw UNSURE;
        const p = this.lineStart[i]! + col;
        if (!this.isSeqIndicator(p, this.lineEnd[i]!)) break; // the parent decides (an indentless sequence ends at a key)
      }
      first = false;
      // After `-`: spaces, then the item.
      const e = this.lineEnd[i]!;
      let p = this.lineStart[i]! + col + 1;
      while (p < e && this.s.charCodeAt(p) === SPACE) p++;
      const r = this.nodeAfterIndicator(i, p, col, end);
      out.push(r.value);
      i = r.next;
    }
    return { value: out, next: i };
  }

  /**
   * The node that follows an indicator (`- ` or `key: `) at position p of
   * line i, inside a collection at column col: on the same line (a scalar,
   * a flow collection, a block scalar header, or for `- ` a compact nested
   * collection), or on the following lines, more indented.
   */
  private nodeAfterIndicator(i: number, p: number, col: number, end: number, afterKey = false): { value: unknown; next: number } {
    const e = this.lineEnd[i]!;
    if (p === e || this.s.charCodeAt(p) === HASH) {
      if (p < e && this.s.charCodeAt(p - 1) !== SPACE) throw UNSURE;
      // The value is below, or absent.
      const j = this.nextContent(i + 1, end);
      if (j === end) return { value: null, next: j };
      const ind = this.indent(j);
      if (ind > col) return this.blockCollection(j, ind, end);
      // An indentless sequence as a mapping's value: `key:` then `- item` at the key's column.
      if (afterKey && ind === col && this.isSeqIndicator(this.lineStart[j]! + col, this.lineEnd[j]!)) {
        if (++this.depth > MAX_DEPTH) throw UNSURE;
        const r = this.sequence(j, col, end);
        this.depth--;
        return r;
      }
      return { value: null, next: i + 1 };
    }
    const c = this.s.charCodeAt(p);
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(i, p, col, end);
    if (!afterKey) {
      // A compact collection inside a sequence item: `- - x` or `- key: value`.
      const lineCol = p - this.lineStart[i]!;
      if (this.isSeqIndicator(p, e) || this.keyEnd(p, e) !== undefined) return this.blockCollection(i, lineCol, end);
    }
    const value = this.inlineValue(p, e);
    return { value, next: i + 1 };
  }

  /**
   * The value written on the rest of a line from p: a flow collection, a
   * quoted scalar or a plain scalar, then nothing but a comment.
   */
  private inlineValue(p: number, e: number): unknown {
    const s = this.s;
    const c = s.charCodeAt(p);
    let value: unknown;
    let q: number;
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const r = this.flow(p, e);
      value = r.value;
      q = r.next;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      const r = this.quoted(p, e);
      value = r.value;
      q = r.next;
    } else {
      if (badPlainStart(c, p + 1 < e ? s.charCodeAt(p + 1) : NaN)) throw UNSURE;
      // A plain scalar: to a ` #` comment or the end of the line; `: ` inside is an error in YAML.
      let end = p;
      let last = p; // one past the last non-space
      while (end < e) {
        const ch = s.charCodeAt(end);
        if (ch === HASH && s.charCodeAt(end - 1) === SPACE) break;
        if (ch === COLON && (end + 1 === e || s.charCodeAt(end + 1) === SPACE)) throw UNSURE;
        end++;
        if (ch !== SPACE) last = end;
      }
      return resolvePlain(s.slice(p, last));
    }
    this.restIsComment(q, e);
    return value;
  }

  /** Nothing but spaces and a comment (after a space) from q to e. */
  private restIsComment(q: number, e: number): void {
    const start = q;
    while (q < e && this.s.charCodeAt(q) === SPACE) q++;
    if (q === e) return;
    if (this.s.charCodeAt(q) !== HASH || q === start) throw UNSURE;
  }

  /**
   * Where the key that starts at p ends, when the line from p is a mapping
   * entry (`key:` then a space or the end of the line): the position of the
   * `:`. `undefined` when it is not an entry.
   */
  private keyEnd(p: number, e: number): number | undefined {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === 34 || c === 39) {
      const r = this.quoted(p, e);
      return r.next < e && s.charCodeAt(r.next) === COLON && (r.next + 1 === e || s.charCodeAt(r.next + 1) === SPACE) ? r.next : undefined;
    }
    if (c === 91 || c === 123) return undefined; // a flow collection (a flow key is not supported: the caller gives up on what follows)
    for (let q = p; q < e; q++) {
      const ch = s.charCodeAt(q);
      if (ch === HASH && q > p && s.charCodeAt(q - 1) === SPACE) return undefined;
      if (ch === COLON && (q + 1 === e || s.charCodeAt(q + 1) === SPACE)) return q;
    }
    return undefined;
  }

  /** A block mapping at column col; its first entry is on line i (from col). */
  private mapping(i: number, col: number, end: number): { value: unknown; next: number } {
    const out: Record<string, unknown> = {};
    const s = this.s;
    let first = true;
    for (;;) {
      if (!first) {
        i = this.nextContent(i, end);
        if (i === end) break;
        const ind = this.indent(i);
        if (ind < col) break;
        if (ind > col) throw UNSURE;
      }
      first = false;
      const e = this.lineEnd[i]!;
      const p = this.lineStart[i]! + col;
      const colon = this.keyEnd(p, e);
      if (colon === undefined) throw UNSURE;
      if (colon - p > MAX_KEY) throw UNSURE;
      const c = s.charCodeAt(p);
      let key: string;
      if (c === 34 || c === 39) {
        const r = this.quoted(p, e);
        if (r.next !== colon) throw UNSURE;
        key = r.value;
      } else {
        if (badPlainStart(c, s.charCodeAt(p + 1))) throw UNSURE;
        let last = colon;
        while (last > p && s.charCodeAt(last - 1) === SPACE) last--;
        const text = s.slice(p, last);
        if (text === '<<') throw UNSURE; // a merge key
        key = keyOfPlain(text) ?? throwUnsure();
      }
      let q = colon + 1;
      while (q < e && s.charCodeAt(q) === SPACE) q++;
      const r = this.nodeAfterIndicator(i, q, col, end, true);
      setKey(out, key, r.value);
      i = r.next;
    }
    return { value: out, next: i };
  }

  /** A single- or double-quoted scalar that closes on its line. */
  private quoted(p: number, e: number): { value: string; next: number } {
    const s = this.s;
    const quote = s.charCodeAt(p);
    let out = '';
    let from = p + 1;
    let q = p + 1;
    for (;;) {
      if (q >= e) throw UNSURE; // continues on the next line
      const ch = s.charCodeAt(q);
      if (ch === quote) {
        if (quote === 39 && s.charCodeAt(q + 1) === 39 && q + 1 < e) {
          out += s.slice(from, q + 1);
          q += 2;
          from = q;
          continue;
        }
        out += s.slice(from, q);
        return { value: out, next: q + 1 };
      }
      if (quote === 34 && ch === 92 /* \ */) {
        out += s.slice(from, q);
        const r = this.escape(q + 1, e);
        out += r.text;
        q = r.next;
        from = q;
        continue;
      }
      q++;
    }
  }

  /** A double-quoted escape after its backslash. */
  private escape(q: number, e: number): { text: string; next: number } {
    if (q >= e) throw UNSURE;
    const ch = this.s[q]!;
    const simple = ESCAPES[ch];
    if (simple !== undefined) return { text: simple, next: q + 1 };
    const width = ch === 'x' ? 2 : ch === 'u' ? 4 : ch === 'U' ? 8 : 0;
    if (width === 0 || q + 1 + width > e) throw UNSURE;
    const hex = this.s.slice(q + 1, q + 1 + width);
    if (!/^[0-9a-fA-F]+$/.test(hex)) throw UNSURE;
    const code = parseInt(hex, 16);
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) throw UNSURE;
    return { text: String.fromCodePoint(code), next: q + 1 + width };
  }

  /** A flow sequence or mapping that closes on its line. */
  private flow(p: number, e: number): { value: unknown; next: number } {
    if (++this.depth > MAX_DEPTH) throw UNSURE;
    const s = this.s;
    const open = s.charCodeAt(p);
    const close = open === 91 ? 93 : 125;
    const seq: unknown[] = [];
    const map: Record<string, unknown> = {};
    let q = this.skipSpaces(p + 1, e);
    let first = true;
    for (;;) {
      if (q >= e) throw UNSURE;
      if (s.charCodeAt(q) === close) {
        if (!first) throw UNSURE; // `[a,]`: a trailing comma, handled by the full reader
        break;
      }
      if (open === 91) {
        const r = this.flowNode(q, e);
        seq.push(r.value);
        q = r.next;
      } else {
        const k = this.flowNode(q, e, true);
        if (typeof k.value !== 'string') throw UNSURE;
        q = k.next;
        if (s.charCodeAt(q) !== COLON || s.charCodeAt(q + 1) !== SPACE) throw UNSURE;
        const v = this.flowNode(this.skipSpaces(q + 1, e), e);
        setKey(map, k.value, v.value);
        q = v.next;
      }
      q = this.skipSpaces(q, e);
      const c = s.charCodeAt(q);
      if (c === close) break;
      if (c !== 44 /* , */) throw UNSURE;
      q = this.skipSpaces(q + 1, e);
      if (s.charCodeAt(q) === close) throw UNSURE;
      first = false;
    }
    this.depth--;
    return { value: open === 91 ? seq : map, next: q + 1 };
  }

  private skipSpaces(q: number, e: number): number {
    while (q < e && this.s.charCodeAt(q) === SPACE) q++;
    return q;
  }

  /**
   * A node inside a flow collection: a nested flow collection, a quoted
   * scalar or a plain scalar made of characters that mean nothing in flow
   * context. As a key, the value is the key's string.
   */
  private flowNode(q: number, e: number, asKey = false): { value: unknown; next: number } {
    const s = this.s;
    const c = s.charCodeAt(q);
    if (c === 91 || c === 123) {
      if (asKey) throw UNSURE;
      return this.flow(q, e);
    }
    if (c === 34 || c === 39) return this.quoted(q, e);
    if (badPlainStart(c, q + 1 < e ? s.charCodeAt(q + 1) : NaN)) throw UNSURE;
    let end = q;
    let last = q;
    while (end < e) {
      const ch = s.charCodeAt(end);
      if (ch === 44 || ch === 93 || ch === 125) break;
      if (ch === COLON) {
        // `key: value` in a flow mapping; anything else with a colon goes to the full reader.
        if (asKey && s.charCodeAt(end + 1) === SPACE) break;
        throw UNSURE;
      }
      // `?` ends a flow scalar in go-yaml v2, which then refused the text (src/input/go-flow.ts).
      if (ch === 91 || ch === 123 || ch === HASH || ch === 34 || ch === 39 || ch === 63) throw UNSURE;
      end++;
      if (ch !== SPACE) last = end;
    }
    const text = s.slice(q, last);
    if (asKey) {
      if (text === '<<') throw UNSURE;
      return { value: keyOfPlain(text) ?? throwUnsure(), next: end };
    }
    return { value: resolvePlain(text), next: end };
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at p on
   * line i, inside a collection at column col.
   */
  private blockScalar(i: number, p: number, col: number, end: number): { value: string; next: number } {
    const s = this.s;
    const folded = s.charCodeAt(p) === 62;
    const e = this.lineEnd[i]!;
    let q = p + 1;
    let chomp = 0; // -1 strip, 0 clip, 1 keep
    const c = s.charCodeAt(q);
    if (q < e && c === DASH) {
      chomp = -1;
      q++;
    } else if (q < e && c === 43 /* + */) {
      chomp = 1;
      q++;
    }
    if (q < e && s.charCodeAt(q) !== SPACE) throw UNSURE; // an indentation indicator, or junk
    this.restIsComment(q, e);
    // The content's indentation: that of its first non-blank line.
    let j = i + 1;
    let maxBlank = 0;
    while (j < end && this.isBlank(j)) {
      maxBlank = Math.max(maxBlank, this.lineEnd[j]! - this.lineStart[j]!);
      j++;
    }
    if (j === end || this.indent(j) <= col) {
      // No content: only blank lines (which belong to the scalar).
      if (chomp === 1 || maxBlank > col) throw UNSURE;
      return { value: '', next: j };
    }
    const m = this.indent(j);
    if (maxBlank > m) throw UNSURE;
    // Lines i+1 .. last-1 are the scalar's; blank ones are empty lines.
    const lines: string[] = [];
    let k = i + 1;
    for (; k < end; k++) {
      if (this.isBlank(k)) {
        if (this.lineEnd[k]! - this.lineStart[k]! > m) throw UNSURE;
        lines.push('');
        continue;
      }
      if (this.indent(k) < m) break;
      lines.push(s.slice(this.lineStart[k]! + m, this.lineEnd[k]!));
    }
    // Trailing empty lines: kept only by `+`; the lines after them are the parent's.
    let last = lines.length;
    while (last > 0 && lines[last - 1] === '') last--;
    const trailing = lines.length - last;
    let text: string;
    if (!folded) {
      text = lines.slice(0, last).join('\n');
    } else {
      text = '';
      let prev: string | undefined;
      let empties = 0;
      for (let x = 0; x < last; x++) {
        const line = lines[x]!;
        if (line === '') {
          empties++;
          continue;
        }
        if (prev === undefined) text += '\n'.repeat(empties) + line;
        else if (prev.charCodeAt(0) !== SPACE && line.charCodeAt(0) !== SPACE) text += (empties === 0 ? ' ' : '\n'.repeat(empties)) + line;
        else text += '\n'.repeat(empties + 1) + line;
        prev = line;
        empties = 0;
      }
    }
    if (chomp === 0) text += '\n';
    else if (chomp === 1) text += '\n'.repeat(trailing + 1);
    return { value: text, next: k };
  }

  private isBlank(i: number): boolean {
    return this.indent(i) === this.lineEnd[i]! - this.lineStart[i]!;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

function throwUnsure(): never {
  throw UNSURE;
}

/**
 * The values of the documents of `text`, exactly as the full reader
 * (src/input/yaml.ts) reads them, or `undefined` when the text holds
 * anything this fast path does not read (the full reader then decides,
 * errors included).
 *
 * @example
 * ```ts
 * readFast('a: 1\n---\nb: [x, "y"]\n'); // [{ a: 1 }, { b: ['x', 'y'] }]
 * readFast('a: &x 1\n');               // undefined: anchors are the full reader's
 * ```
 */
export function readFast(text: string): unknown[] | undefined {
  if (UNUSUAL.test(text)) return undefined;
  try {
    return new Reader(text).documents();
  } catch (e) {
    if (e === UNSURE) return undefined;
    throw e;
  }
}
