/**
 * Freezing a value and everything in it, so a function that writes to its
 * input throws (modules are strict) instead of changing it silently.
 */

/** Freezes `value` and every object and array reachable from it; returns it. */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    for (const k of Reflect.ownKeys(v)) visit((v as Record<string | symbol, unknown>)[k]);
    Object.freeze(v);
  };
  visit(value);
  return value;
}
