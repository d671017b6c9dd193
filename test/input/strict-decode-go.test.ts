// taskpod refuses an unknown field exactly where Tekton's webhook did, and
// names the same field. data/strict-decode-cases.json holds objects (the
// fixtures' Tekton objects, with fields put in at random struct positions,
// and hand-written cases of case folding, embedded structs, status and
// metadata) and Go's answer for each: what encoding/json, with
// DisallowUnknownFields, said when decoding it into Tekton 6c132b937e's
// types (scripts/strict-decode-oracle).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { collectObjects } from '../../src/input/objects';

interface Case {
  readonly name: string;
  readonly kind: string;
  readonly doc: unknown;
  /** Go's error, '' when Go accepted the object. */
  readonly go: string;
}

const { cases } = JSON.parse(readFileSync(join(__dirname, 'data', 'strict-decode-cases.json'), 'utf8')) as { readonly cases: readonly Case[] };

/** The unknown field taskpod names, or undefined when it names none. */
function taskpodUnknown(doc: unknown): string | undefined {
  const r = collectObjects([doc], () => 'case');
  if (E.isRight(r)) return undefined;
  const m = /^unknown field ("(?:[^"\\]|\\.)*")/.exec(r.left.message);
  return m === null ? undefined : (JSON.parse(m[1]!) as string);
}

/** The unknown field Go names, or undefined. */
function goUnknown(message: string): string | undefined {
  const m = /^json: unknown field ("(?:[^"\\]|\\.)*")$/.exec(message);
  return m === null ? undefined : (JSON.parse(m[1]!) as string);
}

describe("unknown fields, as Go's strict decoding found them", () => {
  it('has cases both ways, and every kind of injection', () => {
    expect(cases.length).toBeGreaterThan(150);
    expect(cases.filter((c) => c.go === '').length).toBeGreaterThan(60);
    expect(cases.filter((c) => goUnknown(c.go) !== undefined).length).toBeGreaterThan(50);
    // Go answered nothing but "accepted" or "unknown field" for these.
    expect(cases.filter((c) => c.go !== '' && goUnknown(c.go) === undefined).map((c) => c.name)).toStrictEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(taskpodUnknown(c.doc)).toBe(goUnknown(c.go));
  });
});
