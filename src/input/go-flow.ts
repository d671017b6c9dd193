/**
 * Flow collections (`[a, b]`, `{k: v}`) as go-yaml v2's scanner read them,
 * where the `yaml` package reads them another way. go-yaml v2 (as vendored
 * by Tekton at 6c132b937e, behind sigs.k8s.io/yaml) differs in five places,
 * all about plain scalars inside a flow collection:
 *
 * 1. `-` right before `,`, `]` or `}` is the string "-" (`[cat, -]`);
 *    `yaml` sees a block sequence there and refuses.
 * 2. `:` right after a plain scalar and right before `,`, `]`, `}`, `[` or
 *    `{` stays in the scalar (`[b:]` is `["b:"]`, `{a:}` is `{"a:": null}`);
 *    `yaml` reads a key and its empty value.
 * 3. A plain scalar starting with `?` is an explicit key: `[?x]` is
 *    `[{x: null}]`; `yaml` reads the string "?x".
 * 4. A `?` anywhere else in a plain scalar ends it, and nothing may follow:
 *    `[http://x?y=1]` was refused ("did not find expected ',' or ']'").
 * 5. A plain scalar starting with `:`, and a `:` with no key before it
 *    (`[: x]`, `{a: :}`), were refused ("did not find expected node
 *    content").
 * 6. The lines a quoted scalar or a flow collection goes on to need no
 *    indentation (`a: "long\ntext"`, `b: [x,\ny]`); `yaml` cuts the
 *    scalar or collection at a line indented no deeper than its parent.
 *    Such lines get spaces in front (which neither changes a value).
 *
 * The text is read with `yaml`'s own lexer (so quoted scalars, comments and
 * block scalars are never looked into) and changed so that `yaml` reads
 * what go-yaml read: for 1 and 2 the character becomes a one-character
 * stand-in that occurs nowhere in the text, given back to the scalar once
 * parsed; for 3 a space is inserted after the `?`; 4 and 5 are refusals;
 * 6 comes first, line by line, until `yaml` no longer cuts anything.
 * Offsets in the changed text are mapped back to the original, so error
 * positions are those of the text the user wrote.
 *
 * @packageDocumentation
 */
import { yamlLib } from './yaml-lib';

/** A refusal go-yaml v2 made and `yaml` does not: its offset in the original text. */
export interface FlowRefusal {
  readonly at: number;
  readonly message: string;
}

/** The text to parse in place of the original, and how to read its result. */
export interface FlowFixes {
  /** The changed text. */
  readonly text: string;
  /** Offsets, in the changed text, of the inserted spaces (ascending; one per space). */
  readonly inserted: readonly number[];
  /** The stand-in of a `-` (rule 1) or of a kept `:` (rule 2) in plain scalars: the character and what it stands for. */
  readonly standIns: readonly (readonly [string, string])[];
  /** Rules 4 and 5, in text order. */
  readonly refusals: readonly FlowRefusal[];
}

interface Token {
  readonly at: number;
  readonly text: string;
  /** `yaml`'s token type; `undefined` for the text of a plain scalar. */
  readonly type: string | undefined;
}

const CLOSES = new Set(['comma', 'flow-seq-end', 'flow-map-end']);
/** Tokens after which a `:` in a flow collection has a key before it; `plain` is a plain scalar. */
const NODE_ENDS = new Set(['plain', 'single-quoted-scalar', 'double-quoted-scalar', 'flow-seq-end', 'flow-map-end', 'alias', 'anchor', 'tag', 'explicit-key-ind']);
const OPENS = new Set(['flow-seq-start', 'flow-map-start']);
const CLOSES_OR_OPENS = new Set(['comma', 'flow-seq-end', 'flow-map-end', 'flow-seq-start', 'flow-map-start']);

/** The tokens of the text that are in it, with their offsets (`raw`: the lexer's output, when already at hand). */
function tokens(text: string, raw: Iterable<string> | undefined): Token[] {
  const { Lexer, CST } = yamlLib();
  const out: Token[] = [];
  let at = 0;
  let plain = false;
  for (const source of raw ?? new Lexer().lex(text)) {
    const type = CST.tokenType(source) ?? undefined;
    // Markers the lexer adds, which are not in the text, and empty tokens.
    // The token after a scalar marker is a plain scalar's text, whatever it
    // looks like (`-` in `[-: a]` is one).
    if (type === 'scalar') {
      plain = true;
      continue;
    }
    if (source.length === 0) plain = false; // an empty scalar
    if (type === 'doc-mode' || type === 'flow-error-end' || source.length === 0) continue;
    out.push({ at, text: source, type: plain ? undefined : type });
    plain = false;
    at += source.length;
  }
  return out;
}

/** The bracket that closes the innermost open flow collection. */
const closer = (open: readonly string[]): string => (open[open.length - 1] === '[' ? ']' : '}');

/** The type of the token before token i, past spaces, line breaks and comments (`plain` for a plain scalar). */
function lastNode(toks: readonly Token[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const type = toks[j]!.type;
    if (type === 'space' || type === 'newline' || type === 'comment') continue;
    return type ?? 'plain';
  }
  return undefined;
}

/** A private-use character that is neither in the text nor taken, if there is one. */
function standIn(text: string, taken: string | undefined): string | undefined {
  for (let c = 0xe000; c <= 0xf8ff; c++) {
    const ch = String.fromCharCode(c);
    if (ch !== taken && !text.includes(ch)) return ch;
  }
  return undefined;
}

/**
 * What to parse in place of `text` so that `yaml` reads its flow
 * collections as go-yaml v2 did; `undefined` when nothing differs.
 */
export function goFlowFixes(text: string): FlowFixes | undefined {
  const lexed = reindent(text);
  const indented = lexed.inserted.length > 0 ? { text: lexed.text, inserted: lexed.inserted } : undefined;
  const base = indented?.text ?? text;
  const marks = base.includes('[') || base.includes('{') ? markFixes(base, lexed.raw) : undefined;
  if (indented === undefined) return marks;
  // Offsets of `base` in the original, and in the text `marks` made of it.
  const back = (at: number): number => at - countBelow(indented.inserted, at);
  if (marks === undefined) return { text: base, inserted: indented.inserted, standIns: [], refusals: [] };
  // The i-th space `marks` inserted went in before offset inserted[i] - i of `base`.
  const before = marks.inserted.map((q, i) => q - i);
  const forward = (at: number): number => at + countBelow(before, at + 1);
  const inserted = [...indented.inserted.map(forward), ...marks.inserted].sort((a, b) => a - b);
  return { text: marks.text, inserted, standIns: marks.standIns, refusals: marks.refusals.map((r) => ({ at: back(r.at), message: r.message })) };
}

/** How many of the ascending offsets are below `at`. */
function countBelow(sorted: readonly number[], at: number): number {
  let n = 0;
  while (n < sorted.length && sorted[n]! < at) n++;
  return n;
}

/** Rules 1 to 5 on a text. */
function markFixes(text: string, raw: readonly string[] | undefined): FlowFixes | undefined {
  const toks = tokens(text, raw);
  const dashes: number[] = [];
  const colons: number[] = [];
  const keys: number[] = [];
  const refusals: FlowRefusal[] = [];
  const open: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    switch (t.type) {
      case 'flow-seq-start':
      case 'flow-map-start':
        open.push(t.text);
        continue;
      case 'flow-seq-end':
      case 'flow-map-end':
        open.pop();
        continue;
      case 'doc-start':
      case 'doc-end':
        open.length = 0;
        continue;
    }
    if (open.length === 0) continue;
    const next = toks[i + 1];
    const touching = next !== undefined && next.at === t.at + t.text.length;
    if (t.type === 'seq-item-ind') {
      if (touching && CLOSES.has(next.type ?? '')) dashes.push(t.at);
    } else if (t.type === 'map-value-ind') {
      const prev = toks[i - 1];
      const kept = prev !== undefined && prev.type === undefined && prev.at + prev.text.length === t.at && touching && CLOSES_OR_OPENS.has(next.type ?? '');
      // Kept before `[` or `{`: the scalar ends at the bracket, which may not follow it.
      if (kept && OPENS.has(next.type ?? '')) refusals.push({ at: next.at, message: `did not find expected ',' or '${closer(open)}'` });
      else if (kept) colons.push(t.at);
      else if (!NODE_ENDS.has(lastNode(toks, i) ?? 'none')) refusals.push({ at: t.at, message: 'did not find expected node content' });
    } else if (t.type === undefined) {
      const s = t.text;
      const q = s.indexOf('?', 1);
      const close = closer(open);
      if (s[0] === '?' && (s[1] === '?' || lastNode(toks, i) === 'map-value-ind')) {
        // `??x`, and `{a: ?x}` (a key where a value belongs)
        refusals.push({ at: t.at + (s[1] === '?' ? 1 : 0), message: 'did not find expected node content' });
      }
      else if (q > 0) refusals.push({ at: t.at + q, message: `did not find expected ',' or '${close}'` });
      else if (s[0] === ':') refusals.push({ at: t.at, message: 'did not find expected node content' });
      else if (s[0] === '?' && s[1] === ':') refusals.push({ at: t.at + 1, message: `did not find expected ',' or '${close}'` });
      else if (s[0] === '?') {
        keys.push(t.at + 1);
        // `[?-]`: the key is a `-` before a flow indicator (rule 1).
        if (s === '?-' && touching && CLOSES.has(next.type ?? '')) dashes.push(t.at + 1);
      }
    }
  }
  if (dashes.length === 0 && colons.length === 0 && keys.length === 0 && refusals.length === 0) return undefined;
  const dash = dashes.length > 0 ? standIn(text, undefined) : undefined;
  const colon = colons.length > 0 ? standIn(text, dash) : undefined;
  // Edits in text order: a space inserted before a position, or a replaced
  // character (dash, colon); an insertion goes before a replacement at the same place.
  const edits: (readonly [number, string, number])[] = [];
  if (dash !== undefined) for (const at of dashes) edits.push([at, dash, 1]);
  if (colon !== undefined) for (const at of colons) edits.push([at, colon, 1]);
  for (const at of keys) edits.push([at, ' ', 0]);
  edits.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
  let out = '';
  let from = 0;
  const inserted: number[] = [];
  for (const [at, put, width] of edits) {
    out += text.slice(from, at);
    if (width === 0) inserted.push(out.length);
    out += put;
    from = at + width;
  }
  out += text.slice(from);
  const standIns: (readonly [string, string])[] = [];
  if (dash !== undefined) standIns.push([dash, '-']);
  if (colon !== undefined) standIns.push([colon, ':']);
  return { text: out, inserted, standIns, refusals };
}

/** Most lines reindented in one text (each round lexes it again). */
const MAX_REINDENTS = 100_000;

/**
 * Rule 6: spaces put in front of each line that continues a quoted scalar
 * or a flow collection and that `yaml` would cut it at; `undefined` when
 * there is none.
 */
function reindent(text: string): { text: string; inserted: number[]; raw: readonly string[] | undefined } {
  if (!text.includes('\n')) return { text, inserted: [], raw: undefined };
  let t = text;
  let inserted: number[] = [];
  let raw: readonly string[] | undefined;
  for (let round = 0; round < MAX_REINDENTS; round++) {
    raw = [...new (yamlLib().Lexer)().lex(t)];
    const cut = firstCut(t, raw);
    if (cut.length === 0) break;
    raw = undefined;
    // Insert from the last line back, so earlier offsets stay valid.
    for (const { at, spaces } of [...cut].reverse()) {
      t = t.slice(0, at) + ' '.repeat(spaces) + t.slice(at);
      inserted = inserted.map((q) => (q >= at ? q + spaces : q));
      for (let k = 0; k < spaces; k++) inserted.push(at + k);
    }
    inserted.sort((a, b) => a - b);
  }
  // The lexer's tokens of the final text, for rules 1 to 5.
  return { text: t, inserted, raw };
}

/** Where line `at` starts with a document marker (`---` or `...` then a blank), which no indentation may hide. */
function markerLine(t: string, at: number): boolean {
  const m = t.slice(at, at + 3);
  const after = t.charAt(at + 3);
  return (m === '---' || m === '...') && (after === '' || after === ' ' || after === '\t' || after === '\n' || after === '\r');
}

/** The spaces a line needs in front to reach `needed` columns; none for an empty line or a document marker. */
function shortfall(t: string, at: number, needed: number): number {
  let s = at;
  while (t.charCodeAt(s) === 32) s++;
  const c = t.charAt(s);
  if (c === '' || c === '\n' || c === '\r' || (s === at && markerLine(t, at))) return 0;
  return Math.max(0, needed - (s - at));
}

/**
 * The first place `yaml`'s lexer cuts a quoted scalar or a flow collection
 * at a line go-yaml read on: the lines to indent, each with its spaces.
 */
function firstCut(t: string, raw: readonly string[]): { at: number; spaces: number }[] {
  const { CST } = yamlLib();
  const column = (at: number): number => at - (t.lastIndexOf('\n', at - 1) + 1);
  const flows: number[] = [];
  let at = 0;
  for (const source of raw) {
    const type = CST.tokenType(source);
    if (type === 'flow-seq-start' || type === 'flow-map-start') flows.push(column(at));
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flows.pop();
    else if (type === 'flow-error-end') {
      // The line at `at` ended the collection (the lexer gave up on it there).
      const line = t.lastIndexOf('\n', at - 1) + 1;
      const spaces = flows.length > 0 ? shortfall(t, line, flows[0]! + 1) : 0;
      return spaces > 0 ? [{ at: line, spaces }] : [];
    } else if ((type === 'single-quoted-scalar' || type === 'double-quoted-scalar') && !closed(source)) {
      return quotedLines(t, at, column(at) + 1);
    }
    if (type !== 'doc-mode' && type !== 'scalar') at += source.length;
  }
  return [];
}

/** The offset of the closing quote of the quoted scalar at `at` (`\\` escapes in `"`, `''` in `'`); -1 when it never closes. */
function quoteEnd(t: string, at: number): number {
  const q = t.charAt(at);
  for (let i = at + 1; i < t.length; i++) {
    const c = t.charAt(i);
    if (q === '"' && c === '\\') i++;
    else if (c === q) {
      if (q === "'" && t.charAt(i + 1) === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Whether a quoted scalar's token ends with its closing quote. */
const closed = (token: string): boolean => quoteEnd(token, 0) === token.length - 1;

/**
 * The lines of the quoted scalar starting at `at` (to its closing quote, as
 * go-yaml scanned it) that need spaces to reach `needed` columns; none when
 * it never closes or meets a document marker, which go-yaml refused too.
 */
function quotedLines(t: string, at: number, needed: number): { at: number; spaces: number }[] {
  const end = quoteEnd(t, at);
  const out: { at: number; spaces: number }[] = [];
  for (let i = t.indexOf('\n', at); i >= 0 && i < end; i = t.indexOf('\n', i + 1)) {
    if (markerLine(t, i + 1)) return [];
    const spaces = shortfall(t, i + 1, needed);
    if (spaces > 0) out.push({ at: i + 1, spaces });
  }
  return out;
}

/** An offset in the changed text as an offset in the original. */
export function originalOffset(fixes: FlowFixes, at: number): number {
  let before = 0;
  for (const q of fixes.inserted) {
    if (q < at) before++;
    else break;
  }
  return at - before;
}
