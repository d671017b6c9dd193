/**
 * A small, strict argument parser for the CLI's commands.
 *
 * @packageDocumentation
 */

/** The options a command accepts: name to whether it takes a value and may repeat. */
export interface OptionSpec {
  readonly [name: string]: { readonly value: boolean; readonly repeat?: boolean; readonly short?: string };
}

/** Parsed options: flags are `true`, values strings (or lists when repeatable). */
export type ParsedOptions = Readonly<Record<string, string | true | readonly string[]>>;

/** A usage error. */
export class UsageError extends Error {}

/** Parses `argv` against `spec`; throws {@link UsageError} (caught by main) on a bad argument. */
export function parseOptions(argv: readonly string[], spec: OptionSpec): { readonly options: ParsedOptions; readonly positional: readonly string[] } {
  const options: Record<string, string | true | string[]> = {};
  const positional: string[] = [];
  const byShort = new Map(Object.entries(spec).filter(([, s]) => s.short !== undefined).map(([n, s]) => [s.short!, n]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else if (arg.startsWith('-') && arg.length > 1) {
      name = byShort.get(arg.slice(1, 2));
      if (name === undefined) throw new UsageError(`unknown option ${arg}`);
      inline = arg.length > 2 ? arg.slice(2) : undefined;
    } else {
      positional.push(arg);
      continue;
    }
    const s = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (s === undefined) throw new UsageError(`unknown option --${name}`);
    if (!s.value) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (s.repeat) options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    else if (options[name] !== undefined) throw new UsageError(`--${name} given twice`);
    else options[name] = value;
  }
  return { options, positional };
}

/** A string option, if given. */
export function optString(o: ParsedOptions, name: string): string | undefined {
  const v = o[name];
  return typeof v === 'string' ? v : undefined;
}

/** A repeatable option's values. */
export function optList(o: ParsedOptions, name: string): readonly string[] {
  const v = o[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** A positive integer option. */
export function optInt(o: ParsedOptions, name: string, fallback: number): number {
  const v = optString(o, name);
  if (v === undefined) return fallback;
  if (!/^[0-9]+$/.test(v) || Number(v) <= 0) throw new UsageError(`--${name} takes a positive whole number, not "${v}"`);
  return Number(v);
}
