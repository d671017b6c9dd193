/**
 * Finding `$(inputs|outputs.params|resources.NAME...)` references, as
 * Tekton's webhook did to validate them.
 *
 * @packageDocumentation
 */

/** A reference found in a string: the name (first segment) and the whole match. */
export interface VariableRef {
  readonly name: string;
  readonly match: string;
}

const patterns = new Map<string, RegExp>();
function patternFor(kind: 'params' | 'resources'): RegExp {
  let re = patterns.get(kind);
  if (re === undefined) {
    // "(?:inputs|outputs)" then any one character then the kind, as Tekton's unescaped "." allowed.
    re = new RegExp(`\\$\\((?:inputs|outputs).${kind}.([_a-zA-Z][_a-zA-Z0-9.-]*)\\)`, 'g');
    patterns.set(kind, re);
  }
  return re;
}

/**
 * Every reference of that kind in `s`.
 *
 * @example
 * ```ts
 * findVariables('$(inputs.params.a) $(inputs.params.b.c)', 'params').map((v) => v.name); // ['a', 'b']
 * ```
 */
export function findVariables(s: string, kind: 'params' | 'resources'): VariableRef[] {
  const out: VariableRef[] = [];
  if (!s.includes('$(')) return out; // every reference starts so; most strings have none
  for (const m of s.matchAll(patternFor(kind))) out.push({ name: (m[1] ?? '').split('.')[0] ?? '', match: m[0] });
  return out;
}
