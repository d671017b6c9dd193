/**
 * Whether Tekton's reconcilers would write a status at all. Both compared
 * the status they computed with the one they had read using Kubernetes'
 * `equality.Semantic.DeepEqual`, and wrote nothing when the two were equal.
 * That comparison treated a condition's `lastTransitionTime` (knative's
 * `VolatileTime`) as always equal, a nil list or map as equal to an empty
 * one, and (the status being decoded from JSON) an absent field as equal to
 * its zero value; a pointer to an empty struct (`status: {}`) still differed
 * from none. So a reconcile that only moved a condition's time, for
 * example `Running` then `Pending` again with the same message, left the
 * stored status, and its old times, as they were.
 *
 * @packageDocumentation
 */

/** Fields that are structs, not pointers, in Tekton's status types: empty is the same as absent. */
const VALUE_STRUCTS: ReadonlySet<string> = new Set(['check', 'resourceRef']);

/** A JSON value with Go's zero values left out, and the times of the elements of a `conditions` list. */
function semanticForm(v: unknown, key: string): unknown {
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    return v.map((x) => semanticForm(x, key) ?? null);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString();
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      if (key === 'conditions' && k === 'lastTransitionTime') continue;
      const x = semanticForm((v as Record<string, unknown>)[k], k);
      if (x !== undefined) out[k] = x;
    }
    // An empty object stands for a pointer to a zero struct, which differs from nil; the
    // struct-valued fields (never nil in Go) are the exceptions.
    return Object.keys(out).length === 0 && VALUE_STRUCTS.has(key) ? undefined : out;
  }
  if (v === '' || v === 0 || v === false || v === null || v === undefined) return undefined;
  return v;
}

/**
 * Whether two statuses (as printed: times as metav1.Time text) are equal as
 * `equality.Semantic.DeepEqual` found them: conditions' times ignored,
 * empty lists, maps, strings and zeros the same as absent (an empty object
 * is not, but for the struct fields `check` and `resourceRef`).
 *
 * @example
 * ```ts
 * semanticallyEqual(
 *   { podName: 'p', conditions: [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: '2019-10-30T10:00:00Z' }] },
 *   { podName: 'p', conditions: [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: '2019-10-30T10:05:00Z' }], steps: [] },
 * ); // true: Tekton would not have written the second
 * ```
 *
 * @public
 */
export function semanticallyEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(semanticForm(a, '')) === JSON.stringify(semanticForm(b, ''));
}
