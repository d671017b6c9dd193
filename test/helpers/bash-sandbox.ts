/**
 * Runs `bash -c TEXT` the way Tekton's bash image did, in a throwaway root:
 * a temp dir with empty /workspace, /builder/home and /builder/scripts, the
 * host's /usr (and friends) bound read-only, entered with chroot inside a
 * private mount namespace. So the absolute paths in the text work unchanged
 * and anything the text writes lands in the temp dir, where a test can list
 * it. Needs `unshare` (as root, or with unprivileged user namespaces);
 * {@link sandboxAvailable} says whether this machine has it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Host directories bound read-only into the sandbox (symlinks are copied as symlinks). */
const SYSTEM_DIRS = ['usr', 'bin', 'lib', 'lib32', 'lib64', 'libx32', 'sbin', 'etc'] as const;

/** The directories a Tekton container starts with (emptyDir volumes). */
export const SANDBOX_DIRS = ['workspace', 'builder/home', 'builder/scripts'] as const;

const SETUP = [
  'set -e',
  'root="$1"; shift',
  'for d in "$@"; do',
  '  if [ -d "$root/$d" ] && [ ! -L "$root/$d" ]; then mount --bind -o ro "/$d" "$root/$d"; fi',
  'done',
  'cd "$root"',
  `exec chroot "$root" /bin/bash -c 'cd "$SANDBOX_CWD" && exec /bin/bash -c "$SANDBOX_TEXT"'`,
].join('\n');

function unshareArgs(): readonly string[] | undefined {
  for (const flags of [['-m', '--propagation', 'private'], ['-r', '-m', '--propagation', 'private']]) {
    const r = spawnSync('unshare', [...flags, 'true'], { stdio: 'ignore' });
    if (r.status === 0) return flags;
  }
  return undefined;
}

let cached: readonly string[] | null | undefined;
function flags(): readonly string[] | undefined {
  if (cached === undefined) cached = unshareArgs() ?? null;
  return cached ?? undefined;
}

/** Whether {@link runBash} works on this machine. */
export function sandboxAvailable(): boolean {
  return flags() !== undefined;
}

/** What one run left behind. */
export interface SandboxRun {
  readonly root: string;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Removes the sandbox's directory. */
  readonly cleanup: () => void;
}

/**
 * Runs `bash -c text` in a fresh sandbox, in `cwd` (a path inside the
 * sandbox), with `env` (plus PATH).
 */
export function runBash(text: string, cwd = '/', env: Readonly<Record<string, string>> = {}): SandboxRun {
  const f = flags();
  if (f === undefined) throw new Error('no mount namespaces here (unshare failed): the shell round trip needs them');
  const root = mkdtempSync(join(tmpdir(), 'taskpod-sh-'));
  for (const d of SANDBOX_DIRS) mkdirSync(join(root, d), { recursive: true });
  mkdirSync(join(root, 'tmp'));
  mkdirSync(join(root, 'dev'));
  const bound: string[] = [];
  for (const d of SYSTEM_DIRS) {
    const host = `/${d}`;
    if (!existsSync(host)) continue;
    const st = lstatSync(host);
    if (st.isSymbolicLink()) {
      spawnSync('ln', ['-s', readlinkSync(host), join(root, d)]);
    } else if (st.isDirectory()) {
      mkdirSync(join(root, d));
      bound.push(d);
    }
  }
  const r = spawnSync('unshare', [...f, 'sh', '-c', SETUP, 'sh', root, ...bound], {
    env: { ...env, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', SANDBOX_TEXT: text, SANDBOX_CWD: cwd },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return {
    root,
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * Every file and directory the run created, as absolute paths inside the
 * sandbox, sorted (the system dirs and the sandbox's own /tmp and /dev are
 * left out; the starting dirs are listed only for their contents).
 */
export function createdPaths(run: SandboxRun): string[] {
  const skip = new Set<string>([...SYSTEM_DIRS, 'tmp', 'dev'].map((d) => `/${d}`));
  const start = new Set<string>(['/builder', ...SANDBOX_DIRS.map((d) => `/${d}`)]);
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(run.root, rel))) {
      const p = `${rel === '/' ? '' : rel}/${name}`;
      if (skip.has(p)) continue;
      if (!start.has(p)) out.push(p);
      if (lstatSync(join(run.root, p)).isDirectory()) walk(p);
    }
  };
  walk('/');
  return out.sort();
}
