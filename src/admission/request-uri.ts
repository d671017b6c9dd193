/**
 * Go's `url.ParseRequestURI`, the check Tekton's webhook applied to a
 * cluster PipelineResource's `url` param (pipelineresource_validation.go,
 * `validateURL`). Only whether it fails matters to Tekton; taskpod also
 * reports Go's reason.
 *
 * ParseRequestURI reads the text as the target of an HTTP request line: an
 * absolute URI (`scheme:...`) or an absolute path (`/...`), never a relative
 * reference, and with no fragment (a `#` is an ordinary character, so in an
 * authority it makes the host invalid). The rules are those of Go 1.13,
 * which built Tekton's release.
 *
 * @packageDocumentation
 */

const isAlpha = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** strconv.Quote, near enough for an error message. */
const quote = (s: string): string => JSON.stringify(s);

/**
 * The scheme: letters first, then letters, digits, `+`, `-` or `.`, up to
 * the first `:`. Anything else before a `:` means there is no scheme, and
 * the whole text is the rest; a `:` first is an error.
 */
function splitScheme(raw: string): { readonly scheme: string; readonly rest: string } | string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (isAlpha(c)) continue;
    if (isDigit(c) || c === '+' || c === '-' || c === '.') {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') return i === 0 ? 'missing protocol scheme' : { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

/** Characters a host may hold as they are (ASCII only; other bytes are allowed). */
const HOST_CHARS = /^[A-Za-z0-9!$&'()*+,;=:[\]<>"\-_.~]$/;

type Part = 'path' | 'userinfo' | 'host' | 'zone';

/**
 * Go's check of `%` escapes in one part of the URL: every `%` needs two hex
 * digits. A host may escape only non-ASCII bytes (and `%25`), and may hold
 * no ASCII character outside {@link HOST_CHARS}; an IPv6 zone may escape
 * only what a host may hold as it is (ASCII), a blank, or `%`.
 */
function checkEscapes(s: string, part: Part): string | undefined {
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === '%') {
      if (!isHex(s[i + 1]) || !isHex(s[i + 2])) return `invalid URL escape ${quote(s.slice(i, i + 3))}`;
      const escape = s.slice(i, i + 3);
      const byte = parseInt(s.slice(i + 1, i + 3), 16);
      if (part === 'host' && byte < 0x80 && escape !== '%25') return `invalid URL escape ${quote(escape)}`;
      if (part === 'zone' && escape !== '%25' && byte !== 0x20 && !HOST_CHARS.test(String.fromCharCode(byte))) {
        return `invalid URL escape ${quote(escape)}`;
      }
      i += 3;
      continue;
    }
    if ((part === 'host' || part === 'zone') && c < '\u0080' && !HOST_CHARS.test(c)) return `invalid character ${quote(c)} in host name`;
    i++;
  }
  return undefined;
}

/** An optional `:port`: nothing, or a colon and digits only (none at all is fine). */
const validOptionalPort = (port: string): boolean => /^(:[0-9]*)?$/.test(port);

/**
 * The host, with an optional port. An IPv6 literal in brackets may carry a
 * zone after `%25`; otherwise what follows the last `:` must be a port.
 */
function checkHost(host: string): string | undefined {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return "missing ']' in host";
    const port = host.slice(close + 1);
    if (!validOptionalPort(port)) return `invalid port ${quote(port)} after host`;
    const zone = host.slice(0, close).indexOf('%25');
    if (zone >= 0) return checkEscapes(host.slice(0, zone), 'host') ?? checkEscapes(host.slice(zone, close), 'zone') ?? checkEscapes(host.slice(close), 'host');
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) return `invalid port ${quote(host.slice(colon))} after host`;
  }
  return checkEscapes(host, 'host');
}

/** Userinfo: ASCII letters, digits and `-._:~!$&'()*+,;=%@` only. */
const USERINFO = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

/** `[userinfo@]host[:port]`, split at the last `@`; the host is checked first. */
function checkAuthority(authority: string): string | undefined {
  const at = authority.lastIndexOf('@');
  const hostProblem = checkHost(authority.slice(at + 1));
  if (hostProblem !== undefined || at < 0) return hostProblem;
  const userinfo = authority.slice(0, at);
  if (!USERINFO.test(userinfo)) return 'net/url: invalid userinfo';
  return checkEscapes(userinfo, 'userinfo');
}

/**
 * Why Go's `url.ParseRequestURI` refuses `raw`, or `undefined` when it
 * accepts it.
 *
 * In order: no ASCII control character anywhere; not empty; `*` alone is
 * fine; a scheme, if any, is split off (a leading `:` is refused); the query
 * (from the first `?`) is never checked; then without a scheme the rest must
 * be an absolute path, while with one a rest that is not a path is opaque and
 * accepted unchecked (`localhost:6443`, `mailto:x`); a scheme followed by
 * `//` has an authority, checked as Go checked it; finally the path's `%`
 * escapes must be well formed.
 *
 * @example
 * ```ts
 * requestUriProblem('https://10.10.10.10:6443'); // undefined
 * requestUriProblem('10.10.10');                 // 'invalid URI for request'
 * requestUriProblem('http://host#frag');         // 'invalid character "#" in host name'
 * ```
 */
export function requestUriProblem(raw: string): string | undefined {
  if (/[\u0000-\u001f\u007f]/.test(raw)) return 'net/url: invalid control character in URL';
  if (raw === '') return 'empty url';
  if (raw === '*') return undefined;
  const split = splitScheme(raw);
  if (typeof split === 'string') return split;
  const { scheme } = split;
  let rest = split.rest;
  const questionMarks = rest.split('?').length - 1;
  if (rest.endsWith('?') && questionMarks === 1) rest = rest.slice(0, -1);
  else if (questionMarks > 0) rest = rest.slice(0, rest.indexOf('?'));
  if (!rest.startsWith('/')) return scheme !== '' ? undefined : 'invalid URI for request';
  if (scheme !== '' && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    const problem = checkAuthority(authority);
    if (problem !== undefined) return problem;
    rest = slash < 0 ? '' : rest.slice(slash);
  }
  return checkEscapes(rest, 'path');
}
