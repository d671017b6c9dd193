/**
 * Reading YAML or JSON text into documents, with limits on size and on
 * alias expansion (a "billion laughs" document is refused, not expanded).
 * YAML is read as YAML 1.1, as Kubernetes' sigs.k8s.io/yaml did (`yes`,
 * `on` are booleans), without what its go-yaml v2 did not resolve:
 * sexagesimal numbers (`12:30` is a string) and, into plain values,
 * timestamps (`2019-10-30` stays a string).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { invalidInput, TaskpodError } from '../errors';
import { readFast } from './fast-yaml';
import { toGoJson } from './go-yaml';
import { yamlLib } from './yaml-lib';

/**
 * Limits on what is read.
 *
 * @example
 * ```ts
 * const limits: ReadLimits = { maxBytes: 1 << 20, maxAliases: 10 };
 * parseDocuments(text, 'input.yaml', limits);
 * ```
 *
 * @public
 */
export interface ReadLimits {
  /** Largest input text, in bytes (UTF-8). */
  readonly maxBytes: number;
  /**
   * Most alias nodes (`*name`) a document may hold; an alias inside an
   * aliased node counts again each time that node is used.
   */
  readonly maxAliases: number;
}

/**
 * 16 MiB of text, 100 aliases a document.
 *
 * @example
 * ```ts
 * parseDocuments(text, 'input.yaml', { ...DEFAULT_LIMITS, maxBytes: 1024 * 1024 });
 * ```
 *
 * @public
 */
export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 16 * 1024 * 1024, maxAliases: 100 };

/**
 * Parses a YAML (or JSON) stream into plain values, one per document.
 * `source` names the text in errors.
 *
 * @example
 * ```ts
 * parseDocuments('a: 1\n---\nb: 2\n', 'input.yaml'); // Right([{ a: 1 }, { b: 2 }])
 * ```
 *
 * @public
 */
export function parseDocuments(text: string, source: string, limits: ReadLimits = DEFAULT_LIMITS): E.Either<TaskpodError, unknown[]> {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > limits.maxBytes) {
    return E.left(invalidInput(source, '', `input is ${size} bytes, over the limit of ${limits.maxBytes} (raise it with --max-input-bytes)`));
  }
  // The common shapes of Kubernetes YAML, read directly (no aliases there,
  // so no alias limit to apply); anything else, errors included, is read
  // by the full reader below (src/input/fast-yaml.ts).
  const fast = readFast(text);
  if (fast !== undefined) return E.right(fast);
  return parseFull(text, source, limits);
}

/**
 * {@link parseDocuments} without its fast path: every text read by the
 * `yaml` package, then resolved as go-yaml v2 did. The reference the fast
 * path is tested against.
 */
export function parseFull(text: string, source: string, limits: ReadLimits = DEFAULT_LIMITS): E.Either<TaskpodError, unknown[]> {
  try {
    const { LineCounter, parseAllDocuments, visit } = yamlLib();
    let lines = new LineCounter();
    // Every scalar is kept as its text (failsafe), then resolved as go-yaml v2
    // resolved it (src/input/go-yaml.ts).
    const parse = (t: string) => {
      lines = new LineCounter();
      const docs = parseAllDocuments(t, { schema: 'failsafe', version: '1.1', uniqueKeys: false, prettyErrors: false, lineCounter: lines });
      return Array.isArray(docs) ? docs : [docs];
    };
    let list = parse(text);
    if (list.some((d) => d.errors.length > 0)) {
      // go-yaml v2 read a `-` right before `,`, `]` or `}` in a flow
      // collection (`[cat, -]`) as the string "-", where `yaml` sees a block
      // sequence and refuses. Such dashes are read again as a one-character
      // stand-in that no other scalar can be, then given back their "-";
      // offsets, and so error positions, stay as they were.
      const dashes = flowDashes(text);
      const stand = dashes.length > 0 ? standIn(text) : undefined;
      if (stand !== undefined) {
        let marked = '';
        let from = 0;
        for (const at of dashes) {
          marked += text.slice(from, at) + stand;
          from = at + 1;
        }
        list = parse(marked + text.slice(from));
        for (const doc of list) {
          visit(doc, {
            Scalar: (_key, node) => {
              if (node.type === 'PLAIN' && node.value === stand) node.value = '-';
            },
          });
        }
      }
    }
    const out: unknown[] = [];
    for (const [i, doc] of list.entries()) {
      const where = list.length > 1 ? `${source}, document ${i + 1}` : source;
      const err = doc.errors[0];
      if (err !== undefined) {
        const pos = lines.linePos(err.pos[0]);
        const at = ` (line ${pos.line}, column ${pos.col})`;
        return E.left(invalidInput(where, '', `not valid YAML${at}: ${err.message.split('\n')[0] ?? ''}`));
      }
      let aliases = 0;
      visit(doc, { Alias: () => void aliases++ });
      if (aliases > limits.maxAliases) {
        return E.left(invalidInput(where, '', `has ${aliases} YAML aliases, over the limit of ${limits.maxAliases} (raise the limit with --max-aliases)`));
      }
      // Each alias resolved counts, nested ones as often as they are
      // expanded: a "billion laughs" document runs out of budget at once.
      const value = toGoJson(doc, { maxAliases: limits.maxAliases * 10 });
      if ('error' in value) return E.left(invalidInput(where, '', `could not be read: ${value.error}`));
      out.push(value.value);
    }
    return E.right(out);
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e);
    return E.left(invalidInput(source, '', `could not be read: ${message}${/alias/i.test(message) ? ' (raise the limit with --max-aliases)' : ''}`));
  }
}

/**
 * Offsets of each `-` that stands directly before `,`, `]` or `}` inside a
 * flow collection, from the `yaml` package's own lexer (so quoted scalars,
 * comments and block scalars are never looked into).
 */
function flowDashes(text: string): number[] {
  const { Lexer, CST } = yamlLib();
  const out: number[] = [];
  let at = 0;
  let depth = 0;
  let dash = -1;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // Markers the lexer adds, which are not in the text, and empty tokens.
    if (type === 'doc-mode' || type === 'scalar' || type === 'flow-error-end' || token.length === 0) continue;
    if (dash >= 0 && (type === 'comma' || type === 'flow-seq-end' || type === 'flow-map-end')) out.push(dash);
    dash = -1;
    if (type === 'flow-seq-start' || type === 'flow-map-start') depth++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') depth = Math.max(0, depth - 1);
    else if (type === 'doc-start' || type === 'doc-end') depth = 0;
    else if (type === 'seq-item-ind' && depth > 0) dash = at;
    at += token.length;
  }
  return out;
}

/** A private-use character that does not occur in the text, if there is one. */
function standIn(text: string): string | undefined {
  for (let c = 0xe000; c <= 0xf8ff; c++) {
    const ch = String.fromCharCode(c);
    if (!text.includes(ch)) return ch;
  }
  return undefined;
}
