/**
 * Strings for the generators: DNS labels (short and up to the 63-character
 * limit), text that is hard on shells and on the kubelet's `$(VAR)`
 * expansion, and free Unicode text.
 */
import fc from 'fast-check';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A DNS-1123 label of `min`..`max` characters (lower case letters, digits, `-` inside). */
export function dnsLabel(min = 1, max = 20): fc.Arbitrary<string> {
  const edge = fc.constantFrom(...LOWER_ALNUM);
  const inner = fc.constantFrom(...LOWER_ALNUM, '-', '-');
  return fc.integer({ min, max }).chain((n) =>
    n === 1 ? edge : fc.tuple(edge, fc.array(inner, { minLength: n - 2, maxLength: n - 2 }), edge).map(([a, m, b]) => `${a}${m.join('')}${b}`),
  );
}

/** A label that is usually short and sometimes 50..63 characters long. */
export function label(prefix = '', maxShort = 12): fc.Arbitrary<string> {
  const room = 63 - prefix.length;
  return fc
    .oneof({ weight: 4, arbitrary: dnsLabel(1, Math.min(maxShort, room)) }, { weight: 1, arbitrary: dnsLabel(Math.max(1, room - 13), room) })
    .map((s) => `${prefix}${s}`);
}

/**
 * Pieces that break naive shell code or survive the kubelet badly: `$`
 * forms, quotes, backslashes, heredoc words, command substitution,
 * separators, globs, newlines.
 */
export const NASTY_PIECES = [
  '$',
  '$$',
  '$$$',
  '$(HOME)',
  '$(FOO)',
  '$(BAR)',
  '$(UNDEFINED_VAR)',
  '$(KUBERNETES_SERVICE_HOST)',
  '$(MY_SVC_PORT_80_TCP_ADDR)',
  '$(OTHER_SVC_SERVICE_PORT)',
  '$$(FOO)',
  '$(',
  ')',
  '$(echo hi)',
  '${FOO}',
  '$FOO',
  '$?',
  '$@',
  '$*',
  '"',
  "'",
  "'\\''",
  '\\',
  '\\\\',
  '\\n',
  '`',
  '`touch pwned`',
  '$(touch pwned)',
  '; touch pwned',
  '&& touch pwned',
  '| cat',
  '> out',
  '< in',
  '&',
  '#',
  '!',
  '!!',
  '*',
  '?',
  '[a]',
  '{a,b}',
  '~',
  '~root',
  '-rf',
  '--',
  'EOF',
  "'EOF'",
  'script-heredoc-randomly-generated',
  'tmpfile',
  '${tmpfile}',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\n\n',
  'é',
  '日本',
  '🙂',
  '\u00a0',
  '=',
  '%',
  '@',
  ':',
  ',',
] as const;

/** Well-formed Unicode text without NUL (a NUL cannot travel in a process argument). */
export function unicodeText(maxLength = 20): fc.Arbitrary<string> {
  return fc.string({ unit: 'grapheme', maxLength }).map((s) => s.replace(/\u0000/g, ''));
}

/** Text that mixes ordinary words with {@link NASTY_PIECES} and free Unicode. */
export function nastyText(maxPieces = 8): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_PIECES) },
    { weight: 2, arbitrary: fc.constantFrom('echo', 'hello', 'ls -la', 'a', 'x=1', 'cd /workspace', 'exit 0') },
    { weight: 1, arbitrary: unicodeText(6) },
  );
  return fc.array(piece, { maxLength: maxPieces }).map((ps) => ps.join(''));
}

/** A `#!` script body of nasty lines; sometimes ends with a newline, sometimes not, sometimes with leading blanks. */
export function scriptText(): fc.Arbitrary<string> {
  return fc
    .record({
      lead: fc.constantFrom('', '', '\n', '  ', '\n \t'),
      shebang: fc.constantFrom('#!/bin/sh', '#!/usr/bin/env bash', '#!/bin/bash -e', '#!'),
      lines: fc.array(fc.oneof({ weight: 4, arbitrary: nastyText(6) }, { weight: 1, arbitrary: fc.constantFrom('EOF', "'EOF'", 'script-heredoc-randomly-generated', '') }), {
        maxLength: 6,
      }),
      end: fc.constantFrom('', '\n', '\n\n', '\\', '$'),
    })
    .map(({ lead, shebang, lines, end }) => `${lead}${shebang}${lines.map((l) => `\n${l}`).join('')}${end}`);
}

/** One path segment for a working dir: ordinary or nasty (never containing `/`). */
export function pathSegment(): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom('src', 'build', 'a', 'b', 'my-dir', 'x_y', 'v1.2', 'go/src'.replace('/', '-')) },
      { weight: 3, arbitrary: nastyText(3) },
      { weight: 1, arbitrary: fc.constantFrom('.', '..', '', '.hidden', '...') },
    )
    .map((s) => s.replace(/\//g, '_'));
}

/** A working dir: under /workspace (usually), outside it, relative, or odd. */
export function workingDir(): fc.Arbitrary<string> {
  const under = fc.array(pathSegment(), { minLength: 1, maxLength: 3 }).map((segs) => `/workspace/${segs.join('/')}`);
  return fc.oneof(
    { weight: 6, arbitrary: under },
    { weight: 1, arbitrary: fc.constantFrom('/workspace', '/workspace/', '/tmp/build', '/', '/workspacefoo/x', '/workspace/../etc', 'relative/dir', '//workspace//a//', '/workspace/./a') },
    { weight: 1, arbitrary: fc.array(pathSegment(), { minLength: 1, maxLength: 2 }).map((segs) => `/opt/${segs.join('/')}`) },
  );
}
