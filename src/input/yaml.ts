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
import { goFlowFixes, originalOffset } from './go-flow';
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
    const { LineCounter, Parser, parseAllDocuments, visit } = yamlLib();
    // Flow collections read as go-yaml v2 read them (src/input/go-flow.ts):
    // the text parsed may be a changed copy, its offsets mapped back.
    const fixes = goFlowFixes(text);
    const parsed = fixes?.text ?? text;
    const toOriginal = (at: number): number => (fixes === undefined ? at : originalOffset(fixes, at));
    let lines = new LineCounter();
    // Every scalar is kept as its text (failsafe), then resolved as go-yaml v2
    // resolved it (src/input/go-yaml.ts).
    const docs = parseAllDocuments(parsed, { schema: 'failsafe', version: '1.1', uniqueKeys: false, prettyErrors: false, lineCounter: lines });
    const list = Array.isArray(docs) ? docs : [docs];
    if (fixes !== undefined && fixes.inserted.length > 0) {
      lines = new LineCounter();
      for (const _ of new Parser(lines.addNewLine).parse(text));
    }
    const refusals = fixes?.refusals ?? [];
    const out: unknown[] = [];
    for (const [i, doc] of list.entries()) {
      const where = list.length > 1 ? `${source}, document ${i + 1}` : source;
      // The first error of the document: `yaml`'s, or one only go-yaml made.
      const err = doc.errors[0];
      let error = err === undefined ? undefined : { at: toOriginal(err.pos[0]), message: err.message.split('\n')[0] ?? '' };
      const [start, , end] = doc.range;
      const refusal = refusals.find((r) => r.at >= toOriginal(start) && r.at < toOriginal(end));
      if (refusal !== undefined && (error === undefined || refusal.at <= error.at)) error = refusal;
      if (error !== undefined) {
        const pos = lines.linePos(error.at);
        return E.left(invalidInput(where, '', `not valid YAML (line ${pos.line}, column ${pos.col}): ${error.message}`));
      }
      if (fixes !== undefined && fixes.standIns.length > 0) {
        visit(doc, {
          Scalar: (_key, node) => {
            if (node.type !== 'PLAIN' || typeof node.value !== 'string') return;
            let v = node.value;
            for (const [stand, char] of fixes.standIns) v = v.split(stand).join(char);
            node.value = v;
          },
        });
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
