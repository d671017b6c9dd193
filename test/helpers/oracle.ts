/**
 * Independent answers the properties compare taskpod with: the API
 * server's name rule, Go's path cleaning as node's path module does it, and
 * which working dirs Tekton's initializer creates.
 */
import { posix } from 'node:path';
import type { Container, Pod } from '../../src/model/core';

/** The API server's rule for container and volume names. */
export function isDns1123Label(s: string): boolean {
  return s.length >= 1 && s.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s);
}

/** The API server's rule for object names such as a Pod's (a DNS-1123 subdomain). */
export function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);
}

/** Go's filepath.Clean for an absolute path (what node calls resolve). */
export function cleanAbsolute(p: string): string {
  return posix.resolve('/', p);
}

/**
 * The dirs Tekton's working-dir initializer creates for these workingDirs:
 * absolute, strictly inside /workspace, and (Tekton's rule) not starting
 * with `.` relative to /workspace. Cleaned and sorted byte-wise.
 */
export function expectedWorkingDirs(workingDirs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const d of workingDirs) {
    if (!d.startsWith('/')) continue;
    const clean = cleanAbsolute(d);
    const rel = posix.relative('/workspace', clean);
    if (rel === '' || rel.startsWith('.')) continue;
    out.add(clean);
  }
  return [...out].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** Every dir `mkdir -p` creates for these dirs below /workspace (their parents inside /workspace included). */
export function withParents(dirs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const d of dirs) {
    for (let p = d; p !== '/workspace' && p !== '/'; p = posix.dirname(p)) out.add(p);
  }
  return [...out].sort();
}

/** The Pod's init container whose name starts with `prefix` and ends with a five-character suffix. */
export function initContainer(pod: Pod, prefix: string): Container | undefined {
  const re = new RegExp(`^${prefix.replace(/[-]/g, '\\-')}-[a-z0-9]{5}$`);
  return (pod.spec?.initContainers ?? []).find((c) => re.test(c.name ?? ''));
}

/** The suffix alphabet of Tekton's random names (k8s rand.String). */
export const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';
