/**
 * The kubelet's expansion of `$(VAR)` references in a container's env
 * values, command and args: a port of k8s.io/kubernetes
 * third_party/forked/golang/expansion/expand.go (Expand, MappingFuncFor)
 * and of how kubelet_pods.go builds the mapping (each env value expanded in
 * order against the vars before it, then command and args against them all).
 *
 * Rules: `$$` becomes `$`; `$(NAME)` becomes NAME's value when NAME is
 * defined, else stays as written; an unterminated `$(` stays; any other
 * `$x` stays (and `x` is not looked at again); a final `$` stays.
 *
 * Service-link variables (`KUBERNETES_SERVICE_HOST`, ...) come from the
 * cluster; {@link SERVICE_ENV} is a typical set, passed in `extra`.
 */
import type { EnvVar } from '../../src/model/core';

const OPERATOR = '$';
const OPENER = '(';
const CLOSER = ')';

/** The env the kubelet adds for the `kubernetes` Service and a Service `my-svc` of the namespace. */
export const SERVICE_ENV: ReadonlyMap<string, string> = new Map([
  ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
  ['KUBERNETES_SERVICE_PORT', '443'],
  ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
  ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
  ['KUBERNETES_PORT_443_TCP_PORT', '443'],
  ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
  ['MY_SVC_SERVICE_HOST', '10.96.7.7'],
  ['MY_SVC_SERVICE_PORT', '80'],
  ['MY_SVC_PORT_80_TCP_ADDR', '10.96.7.7'],
]);

/** A mapping that returns the value of a defined name, else the reference as written. */
export function mappingFor(...contexts: readonly ReadonlyMap<string, string>[]): (name: string) => string {
  return (name) => {
    for (const c of contexts) {
      const v = c.get(name);
      if (v !== undefined) return v;
    }
    return `${OPERATOR}${OPENER}${name}${CLOSER}`;
  };
}

/** tryReadVariableName: what follows a `$` (`input` starts right after it). */
function tryReadVariableName(input: string): { readonly read: string; readonly isVar: boolean; readonly advance: number } {
  switch (input[0]) {
    case OPERATOR:
      return { read: input.slice(0, 1), isVar: false, advance: 1 };
    case OPENER:
      for (let i = 1; i < input.length; i++) {
        if (input[i] === CLOSER) return { read: input.slice(1, i), isVar: true, advance: i + 1 };
      }
      return { read: `${OPERATOR}${OPENER}`, isVar: false, advance: 1 };
    default:
      return { read: `${OPERATOR}${input[0] ?? ''}`, isVar: false, advance: 1 };
  }
}

/**
 * Expand: replaces the references of `input` through `mapping`.
 *
 * @example
 * ```ts
 * expand('$$(A)_$(A)', mappingFor(new Map([['A', 'x']]))); // '$(A)_x'
 * ```
 */
export function expand(input: string, mapping: (name: string) => string): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] === OPERATOR && cursor + 1 < input.length) {
      out += input.slice(checkpoint, cursor);
      const { read, isVar, advance } = tryReadVariableName(input.slice(cursor + 1));
      out += isVar ? mapping(read) : read;
      cursor += advance;
      checkpoint = cursor + 1;
    }
  }
  return out + input.slice(checkpoint);
}

/**
 * The env a container's command and args are expanded with: each var's
 * value expanded against the vars before it (and `extra`). A var whose
 * value comes from `valueFrom` gets `placeholder(name)` (the cluster would
 * supply it); later definitions of a name win, as in the kubelet.
 */
export function containerEnv(
  env: readonly EnvVar[],
  extra: ReadonlyMap<string, string> = new Map(),
  placeholder: (name: string) => string = (name) => `<valueFrom ${name}>`,
): Map<string, string> {
  const out = new Map<string, string>();
  const mapping = mappingFor(out, extra);
  for (const e of env) {
    const name = e.name ?? '';
    if (e.valueFrom !== undefined && (e.value ?? '') === '') out.set(name, placeholder(name));
    else out.set(name, expand(e.value ?? '', mapping));
  }
  return out;
}

/**
 * The args a container's process receives: each arg expanded with the
 * container's env.
 */
export function expandArgs(args: readonly string[], env: readonly EnvVar[], extra: ReadonlyMap<string, string> = new Map()): string[] {
  const mapping = mappingFor(containerEnv(env, extra), extra);
  return args.map((a) => expand(a, mapping));
}
