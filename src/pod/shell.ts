/**
 * What happens to text taskpod puts into a container's args on its way to
 * bash: the kubelet's expansion of `$(VAR)` and `$$`, then the shell.
 *
 * @packageDocumentation
 */

/** Whether a UTF-16 unit needs no quoting in a bash word: `[A-Za-z0-9_@%+=:,./-]`. */
function isSafeInWord(c: number): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return true;
  // _ @ % + = : , . / -
  return c === 0x5f || c === 0x40 || c === 0x25 || c === 0x2b || c === 0x3d || c === 0x3a || c === 0x2c || c === 0x2e || c === 0x2f || c === 0x2d;
}

/** Whether `s` is a non-empty bash word that needs no quoting. */
function isSafeWord(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isSafeInWord(s.charCodeAt(i))) return false;
  return true;
}

/**
 * A bash word for `s`: unchanged when it needs no quoting (so ordinary paths
 * stay byte-identical to Tekton's), otherwise single-quoted.
 *
 * @example
 * ```ts
 * shellWord('/workspace/src'); // '/workspace/src'
 * shellWord('/workspace/my dir'); // "'/workspace/my dir'"
 * ```
 */
export function shellWord(s: string): string {
  if (isSafeWord(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Names of the env vars the kubelet adds for Services (the `kubernetes`
 * Service always, the namespace's others unless `enableServiceLinks` is
 * off): `NAME_SERVICE_HOST`, `NAME_SERVICE_PORT[_PORTNAME]`, `NAME_PORT`,
 * `NAME_PORT_<port>_<PROTO>[_PROTO|_PORT|_ADDR]`. Which exist depends on the
 * cluster, so every such name counts as defined.
 */
const SERVICE_LINK_NAME = /^[A-Z][A-Z0-9_]*_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)$/;

/**
 * Would the kubelet change `text` when it expands a container's args with
 * these env var names defined? (`$$` becomes `$`; `$(NAME)` becomes NAME's
 * value when NAME is defined.) `anyDefined` stands for env vars whose names
 * are not known (envFrom): then every `$(...)` counts as defined. Names of
 * Service env vars (`KUBERNETES_SERVICE_HOST`, ...) always count as defined.
 *
 * @example
 * ```ts
 * kubeletWouldChange('echo $$', new Set()); // true
 * kubeletWouldChange('echo $(date)', new Set()); // false
 * kubeletWouldChange('echo $(HOME)', new Set(['HOME'])); // true
 * kubeletWouldChange('echo "$(date" $$', new Set()); // true: unclosed `$(`, then `$$`
 * kubeletWouldChange('echo $(KUBERNETES_SERVICE_HOST)', new Set()); // true: a Service's env var
 * ```
 */
export function kubeletWouldChange(text: string, defined: ReadonlySet<string>, anyDefined = false): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') continue;
    const next = text[i + 1];
    if (next === '$') return true;
    if (next === '(') {
      const close = text.indexOf(')', i + 2);
      // An unclosed `$(` stays as written, but the kubelet reads on after
      // it: a later `$$` still becomes `$`.
      if (close < 0) {
        i++;
        continue;
      }
      const name = text.slice(i + 2, close);
      if (anyDefined || defined.has(name) || SERVICE_LINK_NAME.test(name)) return true;
      i = close;
    }
  }
  return false;
}

/**
 * Does `text` hold a `$(` the kubelet finds no `)` for? Alone it stays as
 * written, but inside a longer arg (the place-scripts text, where scripts
 * follow each other) the kubelet reads on to the next `)` in the text after
 * it, and may replace or skip everything up to there.
 *
 * @example
 * ```ts
 * opensUnclosedReference('echo $(date'); // true
 * opensUnclosedReference('echo $$(date'); // false: `$$` is an escaped `$`
 * ```
 */
export function opensUnclosedReference(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') continue;
    const next = text[i + 1];
    if (next === '(') {
      const close = text.indexOf(')', i + 2);
      if (close < 0) return true;
      i = close;
    } else if (next !== undefined) {
      i++;
    }
  }
  return false;
}

/**
 * Text the kubelet expands back into exactly `text`: every `$` doubled.
 *
 * @example
 * ```ts
 * escapeForKubelet('echo $$'); // 'echo $$$$'
 * ```
 */
export function escapeForKubelet(text: string): string {
  return text.replace(/\$/g, '$$$$');
}
