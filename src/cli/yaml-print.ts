/**
 * A fast printer for the YAML `taskpod render` prints: exactly the text the
 * `yaml` package prints for the same value (YAML 1.1, no line folding, the
 * strings go-yaml v2 would misread double-quoted; src/cli/io.ts), for the
 * values it is sure of, and `undefined` for any other, which the `yaml`
 * package then prints. It decides how each string is written with the
 * `yaml` package's own 1.1 tags, so a string is plain exactly where that
 * printer leaves it plain.
 *
 * Why: building the `yaml` package's Document of a Pod and printing it was
 * most of the CLI's time and memory after the input side got fast
 * (docs/performance.md). test/cli-yaml-print.test.ts compares the two
 * printers on the fixtures and on generated values.
 *
 * @packageDocumentation
 */
import { readFast } from '../input/fast-yaml';
import { resolvePlain } from '../input/go-yaml';

/** Gives up: the `yaml` package prints the value. Never escapes {@link printYaml}. */
const UNSURE = new Error('unsure');

/**
 * Set while printing: `check` when the text holds something whose reading
 * back is left to the full check (a plain `<<` key, a merge key to the
 * `yaml` package's reader, or `__proto__`; a number other than a safe
 * integer; a block scalar the fast reader does not read), `fails` when a
 * block scalar reads back as another string.
 */
let verdict: 'reads-back' | 'check' | 'fails' = 'reads-back';

/**
 * Whether a literal block reads back as `value`: the block alone as a
 * document's only value, at the same indentation (a block ends at the
 * first line indented less, which in the printed text follows it at once).
 * Read by the fast reader, which reads as the `yaml` package does and
 * gives a block scalar's text under both rule sets alike.
 */
function checkBlock(block: string, value: string): void {
  if (verdict !== 'reads-back') return;
  const read = readFast(`k: ${block}\n`);
  if (read === undefined) verdict = 'check';
  else if (read.length !== 1 || (read[0] as { k?: unknown } | null)?.k !== value) verdict = 'fails';
}

/**
 * The tests of the `yaml` package's YAML 1.1 scalar tags (2.9.1) that read
 * a plain scalar as something other than a string by default, in its
 * schema's order: null, the two bools, the four ints, the three floats, the
 * sexagesimal int and float, the timestamp. Written out here rather than
 * taken from the package's schema, so that printing does not load the
 * package (docs/performance.md); test/cli-yaml-print.test.ts checks them
 * against the schema, so a version of the package with other tags fails
 * there rather than printing differently.
 */
export const YAML11_TAG_TESTS: readonly RegExp[] = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
];

/** Control characters and unpaired surrogates, which the `yaml` package always double-quotes. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** What a plain scalar cannot start with, hold or end with (the `yaml` package's rule). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOC_MARKER = /^(%|---|\.\.\.)/m;

/**
 * Whether a plain string could match one of the 1.1 tags at all: every
 * one of them (null, bool, int, float, timestamp in the `yaml` package
 * 2.9) starts with one of these characters, or is empty. The tag tests
 * themselves decide; this only skips them for, say, `busybox`.
 */
function mayResolve(value: string): boolean {
  return value === '' || '~NnYyTtOoFfEe-+.0123456789'.includes(value[0]!);
}

/** A one-line string in double quotes, as the `yaml` package escapes it. */
function doubleQuoted(value: string): string {
  const json = JSON.stringify(value);
  let out = '';
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    if (json[i] !== '\\') continue;
    if (json[i + 1] !== 'u') {
      i++;
      continue;
    }
    const code = json.slice(i + 2, i + 6);
    const short = SHORT_ESCAPES[code];
    out += json.slice(from, i) + (short ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.slice(i, i + 6)));
    i += 5;
    from = i + 1;
  }
  return from === 0 ? json : out + json.slice(from);
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e', '0085': '\\N', '00a0': '\\_', '2028': '\\L', '2029': '\\P',
};

/** A string needing quotes: single quotes when it holds `"` and no `'`, else double. One line only. */
function quoted(value: string): string {
  if (value.includes('"') && !value.includes("'")) return `'${value.replace(/'/g, "''")}'`;
  return doubleQuoted(value);
}

/**
 * The text of one-line strings already printed: a Pod repeats its keys and
 * many values (`name`, `mountPath`, `/workspace`, images) in every
 * container, and `render --each` across Pods; working each out (five regular
 * expressions and go-yaml's scalar rules) was two thirds of the printing
 * (docs/performance.md). The text of a one-line string depends on nothing
 * else. Strings up to {@link MEMO_LENGTH} characters are kept, and the memo
 * is emptied when it reaches {@link MEMO_SIZE} entries, so that it stays
 * small over any number of renders.
 */
const ONE_LINE = new Map<string, string>();
const MEMO_LENGTH = 128;
const MEMO_SIZE = 10_000;

/** A string as a scalar: plain, quoted or (multi-line, not a key) a literal block at `indent`. */
function scalarText(value: string, key: boolean, indent: string): string {
  if (value.includes('\n')) {
    if (key) throw UNSURE;
    return literalBlock(value, indent);
  }
  const known = ONE_LINE.get(value);
  if (known !== undefined) return known;
  const text = oneLineText(value);
  if (value.length <= MEMO_LENGTH) {
    if (ONE_LINE.size >= MEMO_SIZE) ONE_LINE.clear();
    ONE_LINE.set(value, text);
  }
  return text;
}

/** A one-line string as a plain or quoted scalar (UNSURE where the `yaml` package must print it). */
function oneLineText(value: string): string {
  if (CONTROL.test(value)) return doubleQuoted(value);
  // io.ts double-quotes what go-yaml v2 would read as something else.
  if (resolvePlain(value) !== value) return doubleQuoted(value);
  if (NOT_PLAIN.test(value)) return quoted(value);
  if (DOC_MARKER.test(value)) throw UNSURE;
  if (mayResolve(value) && YAML11_TAG_TESTS.some((t) => t.test(value))) return quoted(value);
  return value;
}

/** A multi-line string as a literal block scalar (`|`, `|-`, `|+`, with an indentation indicator when it starts with a space). */
function literalBlock(value: string, indent: string): string {
  if (/\n[\t ]+$/.test(value) || CONTROL.test(value) || DOC_MARKER.test(value) || indent === '') throw UNSURE;
  let endStart = value.length;
  while (endStart > 0 && '\n\t '.includes(value[endStart - 1]!)) endStart--;
  let end = value.slice(endStart);
  const nl = end.indexOf('\n');
  const chomp = nl === -1 ? '-' : value === end || nl !== end.length - 1 ? '+' : '';
  if (chomp === '+') throw UNSURE; // kept trailing lines: left to the yaml package
  let body = value;
  if (end !== '') {
    body = value.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    if (end !== '') throw UNSURE;
  }
  let startWithSpace = false;
  let i = 0;
  let lastNl = -1;
  for (; i < body.length; i++) {
    const c = body[i];
    if (c === ' ') startWithSpace = true;
    else if (c === '\n') lastNl = i;
    else break;
  }
  if (lastNl !== -1 || startWithSpace) throw UNSURE; // leading blank lines or spaces: left to the yaml package
  const block = `|${chomp}\n${indent}${body.replace(/\n+/g, (m) => `${m}${indent}`)}`;
  checkBlock(block, value);
  return block;
}

/** A scalar that is not a string. */
function otherScalar(v: unknown): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'number' && Number.isFinite(v)) {
    if ((!Number.isSafeInteger(v) || Object.is(v, -0)) && verdict === 'reads-back') verdict = 'check';
    return Object.is(v, -0) ? '-0' : JSON.stringify(v);
  }
  throw UNSURE;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Where the printer puts lines: an array, or the {@link Text} of a whole document. */
interface Lines {
  push(line: string): void;
}

/**
 * The lines of a document, joined as they come in blocks of a few hundred:
 * a 1,000-step Pod is some 50,000 lines, and holding them all until the end
 * made the young generation of the heap grow to its largest, a good part of
 * the CLI's peak memory (docs/performance.md).
 */
class Text implements Lines {
  private readonly blocks: string[] = [];
  private lines: string[] = [];

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length >= 256) {
      this.blocks.push(this.lines.join('\n'));
      this.lines = [];
    }
  }

  /** Every line, each ended by a newline. */
  text(): string {
    if (this.lines.length > 0) this.blocks.push(this.lines.join('\n'));
    this.lines = [];
    return `${this.blocks.join('\n')}\n`;
  }
}

/** `value` as the value of a map entry or a list item: `inline` text after `key: ` or `- `, or `block` lines after it. */
function node(v: unknown, indent: string, out: Lines, lead: string): void {
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push(`${lead} []`);
      return;
    }
    out.push(lead);
    seq(v, indent, out);
    return;
  }
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) {
      out.push(`${lead} {}`);
      return;
    }
    out.push(lead);
    map(v, keys, indent, out);
    return;
  }
  if (v === undefined) throw UNSURE;
  out.push(`${lead} ${typeof v === 'string' ? scalarText(v, false, indent) : otherScalar(v)}`);
}

function map(o: Record<string, unknown>, keys: readonly string[], indent: string, out: Lines): void {
  for (const k of keys) {
    const v = o[k];
    if (v === undefined) continue;
    const key = scalarText(k, true, indent);
    if (key.length > 1024) throw UNSURE; // the yaml package writes `? key` then
    if ((key === '<<' || key === '__proto__') && verdict === 'reads-back') verdict = 'check';
    node(v, `${indent}  `, out, `${indent}${key}:`);
  }
}

function seq(xs: readonly unknown[], itemIndent: string, out: Lines): void {
  // Items at itemIndent ("- "), their contents two further in.
  const inner = `${itemIndent}  `;
  for (const x of xs) {
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') throw UNSURE;
    if ((isPlainObject(x) && Object.keys(x).length > 0) || (Array.isArray(x) && x.length > 0)) {
      // `- key: value` (or `- - item`) with the rest under the first line.
      const lines: string[] = [];
      if (Array.isArray(x)) seq(x, inner, lines);
      else map(x, Object.keys(x), inner, lines);
      lines[0] = `${itemIndent}- ${lines[0]!.slice(inner.length)}`;
      for (const l of lines) out.push(l);
    } else {
      node(x, inner, out, `${itemIndent}-`);
    }
  }
}

/**
 * The YAML text of `value` (a map at the root) exactly as the `yaml`
 * package prints it for `taskpod render`, or `undefined` when this printer
 * is not sure (the caller then uses the `yaml` package).
 *
 * @example
 * ```ts
 * printYaml({ kind: 'Pod', spec: { containers: [{ name: 'a', args: ['yes'] }] } });
 * // 'kind: Pod\nspec:\n  containers:\n    - name: a\n      args:\n        - "yes"\n'
 * ```
 */
export function printYaml(value: unknown): string | undefined {
  return printYamlChecked(value)?.text;
}

/**
 * {@link printYaml}, and what reading the text back would find
 * (`readBack`): `reads-back`, the value, without a doubt: it holds only
 * block maps and lists, keys other than a plain `<<`, plain and quoted
 * one-line strings (the printer quotes every string the `yaml` package's
 * YAML 1.1 tags or go-yaml v2 would read as something else, and its quotes
 * and escapes read back as written), safe integers, booleans, nulls and
 * literal blocks each checked to read back; `fails`, another value (a
 * block reads back otherwise); `check`, not known without the full check.
 *
 * @example
 * ```ts
 * printYamlChecked({ a: 'x' });       // { text: 'a: x\n', readBack: 'reads-back' }
 * printYamlChecked({ a: 'x\ny\n' });  // { text: 'a: |\n  x\n  y\n', readBack: 'reads-back' }
 * printYamlChecked({ a: 0.5 });       // { text: 'a: 0.5\n', readBack: 'check' }
 * ```
 */
export function printYamlChecked(value: unknown): { readonly text: string; readonly readBack: 'reads-back' | 'check' | 'fails' } | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0) return undefined;
  verdict = 'reads-back';
  try {
    const out = new Text();
    map(value, keys, '', out);
    return { text: out.text(), readBack: verdict };
  } catch (e) {
    if (e === UNSURE) return undefined;
    throw e;
  }
}
