/**
 * Resource results from termination messages: what a step (the image digest
 * exporter, or any step that writes to its termination log) reported as a
 * JSON list of `PipelineResourceResult`s. Tekton's reconciler read them once
 * the TaskRun had succeeded, from every container status, in the kubelet's
 * order, with Go's `json.Unmarshal`; a message that did not decode was
 * logged and skipped, the others were appended to `status.resourcesResult`.
 *
 * The decoding here is Go 1.13's `encoding/json` for that one type, written
 * out: the whole text must be valid JSON; `null` reads as no results; keys
 * match fields exactly, else ignoring ASCII case (with `ſ` for `s` and the
 * Kelvin sign for `k`); unknown keys are ignored; a `null` field is left
 * empty; a value of the wrong type anywhere makes the whole message fail;
 * a key given twice keeps its last value, and a repeated `resourceRef`
 * fills the one already read.
 *
 * @packageDocumentation
 */
import type { Pod } from '../model/core';
import type { PipelineResourceResult } from '../model/tekton';
import { objectLabel } from '../errors';
import { equalFoldAscii } from '../resources/go';
import { TaskpodWarning, warning } from '../warnings';

/** Why a message did not decode: a syntax error (as Go's checkValid) or a type error (as Go's decoder). */
type Failure = { readonly kind: 'syntax' | 'type'; readonly message: string };

/**
 * The results of one termination message, or why Tekton could not read
 * them.
 *
 * @example
 * ```ts
 * const r: ResourceResultsParse = parseResourceResults('[{"name":"img","digest":"sha256:12"}]');
 * if (r.ok) r.results[0]?.digest; // 'sha256:12'
 * ```
 *
 * @public
 */
export type ResourceResultsParse =
  | { readonly ok: true; readonly results: readonly PipelineResourceResult[] }
  | { readonly ok: false; readonly reason: string };

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** A syntax error, with a short description of what was found. */
class Syntax {
  constructor(readonly message: string) {}
}

/** Reads JSON text the way the decoder needs: a cursor, strings unquoted as Go did, values skipped without recursion. */
class Reader {
  pos = 0;
  typeError: string | undefined;
  constructor(private readonly text: string) {}

  peek(): string | undefined {
    return this.text[this.pos];
  }

  ws(): void {
    while (isWs(this.text[this.pos])) this.pos++;
  }

  fail(what: string): never {
    const found = this.pos >= this.text.length ? 'end of input' : `character ${JSON.stringify(this.text[this.pos])}`;
    throw new Syntax(`invalid JSON at offset ${this.pos}: ${what}, found ${found}`);
  }

  /** Records the first type error (decoding goes on, as Go's did). */
  mismatch(path: string, expected: string, found: string): void {
    this.typeError ??= `${path === '' ? 'the message' : path}: expected ${expected}, got ${found}`;
  }

  /** What kind of JSON value starts here, for type errors. */
  kindHere(): string {
    const c = this.peek();
    if (c === '"') return 'a string';
    if (c === '{') return 'an object';
    if (c === '[') return 'a list';
    if (c === 't' || c === 'f') return 'a boolean';
    if (c === 'n') return 'null';
    return 'a number';
  }

  literal(word: string): void {
    if (this.text.startsWith(word, this.pos)) this.pos += word.length;
    else this.fail(`expected ${word}`);
  }

  number(): void {
    if (this.peek() === '-') this.pos++;
    if (this.peek() === '0') this.pos++;
    else if (isDigit(this.peek())) while (isDigit(this.peek())) this.pos++;
    else this.fail('expected a digit');
    if (this.peek() === '.') {
      this.pos++;
      if (!isDigit(this.peek())) this.fail('expected a digit after the decimal point');
      while (isDigit(this.peek())) this.pos++;
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.pos++;
      if (this.peek() === '+' || this.peek() === '-') this.pos++;
      if (!isDigit(this.peek())) this.fail('expected a digit in the exponent');
      while (isDigit(this.peek())) this.pos++;
    }
  }

  /** A string, unquoted as Go unquoted it: a surrogate escape that is not half of a pair reads as U+FFFD. */
  string(): string {
    if (this.peek() !== '"') this.fail('expected a string');
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c < ' ') this.fail('control character in string');
      if (c !== '\\') {
        out += c;
        this.pos++;
        continue;
      }
      const e = this.text[this.pos + 1];
      const simple: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e];
        this.pos += 2;
        continue;
      }
      if (e !== 'u') {
        this.pos++;
        this.fail('invalid escape');
      }
      const code = this.u4(this.pos + 2);
      this.pos += 6;
      if (code >= 0xd800 && code <= 0xdbff && this.text[this.pos] === '\\' && this.text[this.pos + 1] === 'u') {
        const low = this.u4(this.pos + 2);
        if (low >= 0xdc00 && low <= 0xdfff) {
          out += String.fromCharCode(code, low);
          this.pos += 6;
          continue;
        }
      }
      out += code >= 0xd800 && code <= 0xdfff ? '\ufffd' : String.fromCharCode(code);
    }
  }

  private u4(at: number): number {
    const digits = this.text.slice(at, at + 4);
    if (!HEX4.test(digits)) {
      this.pos = at;
      this.fail('expected four hex digits after \\u');
    }
    return parseInt(digits, 16);
  }

  /** Skips any value, checking its syntax, with an explicit stack (no recursion, however deep). */
  skip(): void {
    const stack: ('[' | '{')[] = [];
    for (;;) {
      this.ws();
      const top = stack[stack.length - 1];
      if (top === '{') {
        this.string();
        this.ws();
        if (this.peek() !== ':') this.fail('expected a colon after an object key');
        this.pos++;
        this.ws();
      }
      const c = this.peek();
      if (c === '[' || c === '{') {
        this.pos++;
        this.ws();
        const close = c === '[' ? ']' : '}';
        if (this.peek() === close) this.pos++;
        else {
          stack.push(c);
          continue;
        }
      } else this.scalar();
      // After a value: close containers or move to the next element.
      for (;;) {
        if (stack.length === 0) return;
        this.ws();
        const open = stack[stack.length - 1]!;
        const close = open === '[' ? ']' : '}';
        if (this.peek() === ',') {
          this.pos++;
          break;
        }
        if (this.peek() === close) {
          this.pos++;
          stack.pop();
          continue;
        }
        this.fail(`expected a comma or ${close}`);
      }
    }
  }

  scalar(): void {
    const c = this.peek();
    if (c === '"') this.string();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else if (c === '-' || isDigit(c)) this.number();
    else this.fail('expected a value');
  }

  /** Each member of an object, `each(key)` reading its value; the cursor is on `{`. */
  members(each: (key: string) => void): void {
    this.pos++;
    this.ws();
    if (this.peek() === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      const key = this.string();
      this.ws();
      if (this.peek() !== ':') this.fail('expected a colon after an object key');
      this.pos++;
      this.ws();
      each(key);
      this.ws();
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      if (this.peek() === '}') {
        this.pos++;
        return;
      }
      this.fail('expected a comma or }');
    }
  }
}

/**
 * The field `key` fills: an exact match first, else the first that matches
 * as Go's encoding/json folded keys (ASCII case, with `ſ` for `s` and the
 * Kelvin sign for `k`).
 */
function fieldOf<F extends string>(fields: readonly F[], key: string): F | undefined {
  return fields.find((f) => f === key) ?? fields.find((f) => equalFoldAscii(key, f));
}

const RESULT_FIELDS = ['name', 'digest', 'key', 'value', 'resourceRef'] as const;
const REF_FIELDS = ['name', 'apiVersion'] as const;

type MutableRef = { name?: string; apiVersion?: string };
type MutableResult = { name: string; digest: string; key: string; value: string; resourceRef: MutableRef };

/** A JSON string into a Go string field (`null` leaves it as it was). */
function stringInto(r: Reader, path: string, set: (s: string) => void): void {
  const c = r.peek();
  if (c === '"') set(r.string());
  else if (c === 'n') r.literal('null');
  else {
    r.mismatch(path, 'a string', r.kindHere());
    r.skip();
  }
}

/** A JSON object into the `resourceRef` struct (filling what is already there). */
function refInto(r: Reader, path: string, ref: MutableRef): void {
  const c = r.peek();
  if (c === 'n') return r.literal('null');
  if (c !== '{') {
    r.mismatch(path, 'an object', r.kindHere());
    return r.skip();
  }
  r.members((key) => {
    const f = fieldOf(REF_FIELDS, key);
    if (f === undefined) return r.skip();
    stringInto(r, `${path}.${f}`, (s) => {
      ref[f] = s;
    });
  });
}

/** One element of the list into a PipelineResourceResult. */
function resultInto(r: Reader, path: string, out: MutableResult): void {
  const c = r.peek();
  if (c === 'n') return r.literal('null');
  if (c !== '{') {
    r.mismatch(path, 'an object', r.kindHere());
    return r.skip();
  }
  r.members((key) => {
    const f = fieldOf(RESULT_FIELDS, key);
    if (f === undefined) return r.skip();
    if (f === 'resourceRef') return refInto(r, `${path}.resourceRef`, out.resourceRef);
    stringInto(r, `${path}.${f}`, (s) => {
      out[f] = s;
    });
  });
}

/** The whole text into a list of results, or the first failure. */
function decodeList(text: string): readonly MutableResult[] | Failure {
  const r = new Reader(text);
  const results: MutableResult[] = [];
  try {
    r.ws();
    const c = r.peek();
    if (c === '[') {
      r.pos++;
      r.ws();
      if (r.peek() === ']') r.pos++;
      else {
        for (let i = 0; ; i++) {
          r.ws();
          const item: MutableResult = { name: '', digest: '', key: '', value: '', resourceRef: {} };
          resultInto(r, `[${i}]`, item);
          results.push(item);
          r.ws();
          if (r.peek() === ',') {
            r.pos++;
            continue;
          }
          if (r.peek() === ']') {
            r.pos++;
            break;
          }
          r.fail('expected a comma or ]');
        }
      }
    } else if (c === 'n') r.literal('null');
    else if (c === undefined) r.fail('expected a value');
    else {
      r.mismatch('', 'a list', r.kindHere());
      r.skip();
    }
    r.ws();
    if (r.pos < text.length) r.fail('expected the end of the message');
  } catch (e) {
    if (e instanceof Syntax) return { kind: 'syntax', message: e.message };
    throw e;
  }
  if (r.typeError !== undefined) return { kind: 'type', message: r.typeError };
  return results;
}

/** A result as the status holds it: empty `resourceRef` fields left out (they are `omitempty`). */
function tidy(m: MutableResult): PipelineResourceResult {
  const ref: MutableRef = {};
  if (m.resourceRef.name !== undefined && m.resourceRef.name !== '') ref.name = m.resourceRef.name;
  if (m.resourceRef.apiVersion !== undefined && m.resourceRef.apiVersion !== '') ref.apiVersion = m.resourceRef.apiVersion;
  return { name: m.name, digest: m.digest, key: m.key, value: m.value, resourceRef: ref };
}

/**
 * One termination message decoded as Tekton decoded it: a JSON list of
 * resource results (`null` is an empty list), or the reason it is not one.
 *
 * @example
 * ```ts
 * parseResourceResults('[{"name":"app","digest":"sha256:0123"}]');
 * // { ok: true, results: [{ name: 'app', digest: 'sha256:0123', key: '', value: '', resourceRef: {} }] }
 * parseResourceResults('build done'); // { ok: false, reason: 'invalid JSON at offset 0: ...' }
 * ```
 *
 * @public
 */
export function parseResourceResults(message: string): ResourceResultsParse {
  const decoded = decodeList(message);
  if ('kind' in decoded) return { ok: false, reason: decoded.message };
  return { ok: true, results: decoded.map(tidy) };
}

/**
 * The resource results a Pod's containers reported: every container status
 * (steps and sidecars, in the kubelet's order) that terminated with a
 * message. A message that is not a list of results is skipped with a
 * warning naming the container, as Tekton skipped it with a log line.
 * Tekton read them only for a TaskRun that had succeeded; the caller
 * decides that.
 *
 * @example
 * ```ts
 * const { results, warnings } = resourceResultsFromPod(pod);
 * results.find((r) => r.key === 'digest')?.value; // 'sha256:...'
 * ```
 *
 * @public
 */
export function resourceResultsFromPod(pod: Pod): { readonly results: readonly PipelineResourceResult[]; readonly warnings: readonly TaskpodWarning[] } {
  const label = objectLabel('Pod', pod.metadata?.namespace, pod.metadata?.name);
  const results: PipelineResourceResult[] = [];
  const warnings: TaskpodWarning[] = [];
  (pod.status?.containerStatuses ?? []).forEach((s, i) => {
    const message = s.state?.terminated?.message ?? '';
    if (message === '') return;
    const parsed = parseResourceResults(message);
    if (parsed.ok) results.push(...parsed.results);
    else
      warnings.push(
        warning(
          label,
          `status.containerStatuses[${i}].state.terminated.message`,
          `the termination message of container "${s.name ?? ''}" is not a list of resource results (${parsed.reason}); ignored, as Tekton ignored it`,
        ),
      );
  });
  return { results, warnings };
}
