/**
 * A small RFC 6902 applier (add, replace, test) for checking that the
 * patches taskpod emits do what the returned objects say.
 */
import type { JsonPatch } from '../../src/sidecars/pod';

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`bad pointer ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Applies `patch` to a copy of `doc`; throws when an operation fails, as an API server would refuse. */
export function applyPatch(doc: unknown, patch: JsonPatch): unknown {
  const root = { value: copy(doc) } as { value: unknown };
  for (const op of patch) {
    const ts = tokens(op.path);
    let parent: unknown = root;
    let key: string = 'value';
    for (const t of ts) {
      const next = (parent as Record<string, unknown>)[key];
      if (typeof next !== 'object' || next === null) throw new Error(`${op.op} ${op.path}: no such parent`);
      parent = next;
      key = t;
    }
    const container = parent as Record<string, unknown>;
    const exists = Array.isArray(container) ? Number(key) < container.length : Object.prototype.hasOwnProperty.call(container, key);
    switch (op.op) {
      case 'test':
        if (!exists || JSON.stringify(container[key]) !== JSON.stringify(op.value)) throw new Error(`test ${op.path} failed`);
        break;
      case 'replace':
        if (!exists) throw new Error(`replace ${op.path}: no such member`);
        container[key] = copy(op.value);
        break;
      case 'add':
        if (Array.isArray(container)) throw new Error('array add not used');
        container[key] = copy(op.value);
        break;
    }
  }
  return root.value;
}
