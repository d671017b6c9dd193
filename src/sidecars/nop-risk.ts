/**
 * The nop-image bug (tektoncd/pipeline#1347), checked before it bites.
 *
 * Tekton stops a sidecar by swapping its image for the nop image and
 * nothing else: the container keeps its `command`, `args`, `env` and
 * `workingDir`. The kubelet restarts it from the nop image. If the sidecar
 * has a `command`, the runtime looks that program up *inside the nop
 * image*: when it is missing the container fails to start and the sidecar
 * is over, which is what Tekton counts on; when the nop image has it (an
 * operator's nop image built on a base with a shell, say), the sidecar's
 * command runs again and the Pod keeps running until the TaskRun times out.
 * A sidecar without a `command` runs the nop image's own entrypoint, the
 * nop program, which prints a line and exits: its original image's
 * entrypoint no longer matters after the swap.
 *
 * Tekton's own nop image (cmd/nop at 6c132b937e) is built by ko with no
 * base image override in `.ko.yaml`, `.ko.yaml.release` or the release
 * Task's generated `.ko.yaml`, so it sits on ko's default base,
 * `gcr.io/distroless/static:latest`, which has no programs at all (CA
 * certificates, tzdata, passwd/group files, /tmp). ko adds the binary as
 * `/ko-app/nop`, makes it the entrypoint and keeps the base's
 * `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`.
 *
 * @packageDocumentation
 */
import type { Container, EnvVar } from '../model/core';
import { DEFAULT_IMAGES, ImageEntrypoints } from '../model/config';
import { cleanPath } from '../util';

/**
 * What taskpod knows about a nop image's file system.
 *
 * @public
 */
export interface NopImage {
  /** Its reference, for messages. */
  readonly image: string;
  /** Absolute paths of the executables it contains. */
  readonly executables: readonly string[];
  /** The `PATH` of its image config, directory by directory. */
  readonly path: readonly string[];
  /** Its `WORKDIR` (`/` when the image sets none). */
  readonly workingDir: string;
}

/**
 * The `PATH` distroless (and most Linux base images) set.
 *
 * @public
 */
export const STANDARD_PATH: readonly string[] = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * The repository of Tekton's released nop image (any tag or digest).
 *
 * @public
 */
export const TEKTON_NOP_REPOSITORY = 'gcr.io/tekton-releases/github.com/tektoncd/pipeline/cmd/nop';

/**
 * Tekton's nop image: ko's `/ko-app/nop` on `gcr.io/distroless/static`.
 *
 * @example
 * ```ts
 * TEKTON_NOP_IMAGE.executables; // ['/ko-app/nop']
 * ```
 *
 * @public
 */
export const TEKTON_NOP_IMAGE: NopImage = {
  image: DEFAULT_IMAGES.nop,
  executables: ['/ko-app/nop'],
  path: STANDARD_PATH,
  workingDir: '/',
};

/**
 * Whether an image reference is Tekton's released nop image (its
 * repository, with any tag or digest).
 *
 * @example
 * ```ts
 * isTektonNopImage('gcr.io/tekton-releases/github.com/tektoncd/pipeline/cmd/nop:v0.8.0'); // true
 * isTektonNopImage('registry.example.com/nop:latest'); // false
 * ```
 *
 * @public
 */
export function isTektonNopImage(ref: string): boolean {
  if (!ref.startsWith(TEKTON_NOP_REPOSITORY)) return false;
  const rest = ref.slice(TEKTON_NOP_REPOSITORY.length);
  return rest === '' || rest.startsWith(':') || rest.startsWith('@');
}

/**
 * A nop image described by the executables it contains, with the standard
 * `PATH` and `/` as working directory.
 *
 * @example
 * ```ts
 * nopImageContaining('my/nop:1', ['/bin/sh', '/bin/busybox']);
 * ```
 *
 * @public
 */
export function nopImageContaining(image: string, executables: readonly string[]): NopImage {
  return { image, executables, path: STANDARD_PATH, workingDir: '/' };
}

/**
 * The nop image taskpod can reason about: the given contents when there are
 * some, Tekton's own image when `image` is Tekton's, otherwise `undefined`
 * (an operator's image whose contents taskpod cannot see).
 *
 * @public
 */
export function knownNopImage(image: string, contains?: readonly string[]): NopImage | undefined {
  if (contains !== undefined && contains.length > 0) return nopImageContaining(image, contains);
  return isTektonNopImage(image) ? { ...TEKTON_NOP_IMAGE, image } : undefined;
}

/**
 * What happens to a sidecar when Tekton swaps in the nop image.
 *
 * @public
 */
export type NopVerdict =
  /** Its program is missing from the nop image (or it has none): it ends. */
  | 'stops'
  /** Its program exists in the nop image: it runs again instead of ending. */
  | 'keeps-running'
  /** taskpod cannot tell (the nop image's contents, or an env value, are unknown). */
  | 'unknown';

/**
 * The check of one sidecar.
 *
 * @public
 */
export interface SidecarNopCheck {
  readonly sidecar: string;
  readonly verdict: NopVerdict;
  /** The program the runtime would start, after the kubelet's `$(VAR)` expansion. */
  readonly program?: string;
  /** Where that program is in the nop image. */
  readonly resolved?: string;
  /** Why, in one sentence. */
  readonly reason: string;
}

/**
 * A container's env as the kubelet expands commands with it.
 *
 * @public
 */
export interface CommandEnv {
  /** Literal values by name; `undefined` for a `valueFrom` variable. */
  readonly values: ReadonlyMap<string, string | undefined>;
  /** Whether `envFrom` may define further names. */
  readonly fromSources: boolean;
}

/**
 * The env a container's command is expanded with (later definitions win).
 *
 * @public
 */
export function commandEnv(c: Container): CommandEnv {
  const values = new Map<string, string | undefined>();
  for (const e of c.env ?? ([] as readonly EnvVar[])) values.set(e.name ?? '', e.valueFrom !== undefined ? undefined : (e.value ?? ''));
  return { values, fromSources: (c.envFrom ?? []).length > 0 };
}

/**
 * The kubelet's expansion of a command word: `$$` is `$`, `$(NAME)` is
 * NAME's value when the container defines NAME, text otherwise kept.
 * `undefined` when a reference names a variable whose value is not known
 * offline (`valueFrom`, or possibly defined by `envFrom`).
 *
 * @public
 */
export function expandCommandWord(text: string, env: CommandEnv): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    const close = next === '(' ? text.indexOf(')', i + 2) : -1;
    if (close < 0) {
      out += ch;
      continue;
    }
    const name = text.slice(i + 2, close);
    if (env.values.has(name)) {
      const v = env.values.get(name);
      if (v === undefined) return undefined;
      out += v;
    } else if (env.fromSources) {
      return undefined;
    } else {
      out += text.slice(i, close + 1);
    }
    i = close;
  }
  return out;
}

/**
 * Where the runtime finds `program` in an image: a path with a slash is
 * taken as it is (relative to `cwd`), a bare name is looked up along
 * `path`. `undefined` when the image does not have it.
 *
 * @example
 * ```ts
 * resolveProgram('sh', ['/usr/bin', '/bin'], '/', new Set(['/bin/sh'])); // '/bin/sh'
 * ```
 *
 * @public
 */
export function resolveProgram(program: string, path: readonly string[], cwd: string, executables: ReadonlySet<string>): string | undefined {
  if (program === '') return undefined;
  const under = (dir: string, name: string) => cleanPath(`${dir.startsWith('/') ? dir : `${cwd}/${dir}`}/${name}`);
  if (program.includes('/')) {
    const p = program.startsWith('/') ? cleanPath(program) : under(cwd, program);
    return executables.has(p) ? p : undefined;
  }
  for (const dir of path) {
    const p = under(dir === '' ? cwd : dir, program);
    if (executables.has(p)) return p;
  }
  return undefined;
}

/**
 * What happens to one sidecar when its image is swapped for `nop`
 * (`undefined`: the nop image's contents are unknown).
 *
 * @example
 * ```ts
 * checkSidecar({ name: 'srv', image: 'busybox', command: ['/bin/sh', '-c', 'sleep infinity'] },
 *   nopImageContaining('my/nop', ['/bin/sh'])).verdict; // 'keeps-running'
 * ```
 *
 * @public
 */
export function checkSidecar(sidecar: Container, nop: NopImage | undefined, imageEntrypoints: ImageEntrypoints = {}): SidecarNopCheck {
  const name = sidecar.name ?? '';
  const command = sidecar.command ?? [];
  if (command.length === 0) {
    const own = imageEntrypoints[sidecar.image ?? ''];
    const note = own !== undefined && own.length > 0 ? ` (the entrypoint of ${sidecar.image ?? ''}, ${JSON.stringify(own)}, is not used once the image is swapped)` : '';
    return { sidecar: name, verdict: 'stops', reason: `it has no command, so after the swap the nop image's own entrypoint runs and exits${note}` };
  }
  const env = commandEnv(sidecar);
  const program = expandCommandWord(command[0]!, env);
  if (program === undefined) {
    return { sidecar: name, verdict: 'unknown', reason: `its command ${JSON.stringify(command[0])} refers to an env var whose value is not known offline` };
  }
  if (nop === undefined) {
    return { sidecar: name, verdict: 'unknown', program, reason: `its command ${JSON.stringify(program)} would run inside the nop image, whose contents taskpod does not know (list them with --nop-contains)` };
  }
  const pathVar = env.values.has('PATH') ? env.values.get('PATH') : nop.path.join(':');
  if (pathVar === undefined && !program.includes('/')) {
    return { sidecar: name, verdict: 'unknown', program, reason: `its command ${JSON.stringify(program)} is looked up along a PATH whose value is not known offline` };
  }
  const cwd = sidecar.workingDir !== undefined && sidecar.workingDir !== '' ? sidecar.workingDir : nop.workingDir;
  const resolved = resolveProgram(program, (pathVar ?? '').split(':'), cwd, new Set(nop.executables.map(cleanPath)));
  if (resolved === undefined) {
    return { sidecar: name, verdict: 'stops', program, reason: `its command ${JSON.stringify(program)} is not in the nop image ${nop.image}, so the restarted container fails to start and the sidecar ends` };
  }
  return {
    sidecar: name,
    verdict: 'keeps-running',
    program,
    resolved,
    reason: `its command ${JSON.stringify(program)} resolves to ${resolved} in the nop image ${nop.image}, so the swap restarts the sidecar running ${JSON.stringify([program, ...command.slice(1), ...(sidecar.args ?? [])].join(' '))} instead of stopping it; the Pod keeps running for as long as that does`,
  };
}

/**
 * Checks every sidecar against a nop image.
 *
 * @example
 * ```ts
 * checkSidecars(taskSpec.sidecars ?? [], TEKTON_NOP_IMAGE).filter((c) => c.verdict !== 'stops');
 * ```
 *
 * @public
 */
export function checkSidecars(sidecars: readonly Container[], nop: NopImage | undefined, imageEntrypoints: ImageEntrypoints = {}): readonly SidecarNopCheck[] {
  return sidecars.map((s) => checkSidecar(s, nop, imageEntrypoints));
}

/**
 * The sidecars that would keep running after the swap, with why.
 *
 * @example
 * ```ts
 * nopRisks([{ name: 'srv', command: ['/bin/sh', '-c', 'sleep infinity'] }], nopImageContaining('nop', ['/bin/sh']));
 * // [{ sidecar: 'srv', verdict: 'keeps-running', resolved: '/bin/sh', ... }]
 * ```
 *
 * @public
 */
export function nopRisks(sidecars: readonly Container[], nop: NopImage, imageEntrypoints: ImageEntrypoints = {}): readonly SidecarNopCheck[] {
  return checkSidecars(sidecars, nop, imageEntrypoints).filter((c) => c.verdict === 'keeps-running');
}

/**
 * One warning line per sidecar that may not stop (verdict other than
 * `stops`), for the CLI.
 *
 * @public
 */
export function nopWarnings(checks: readonly SidecarNopCheck[]): readonly string[] {
  return checks
    .filter((c) => c.verdict !== 'stops')
    .map((c) =>
      c.verdict === 'keeps-running'
        ? `sidecar "${c.sidecar}" will not stop when its image is swapped for the nop image: ${c.reason} (tektoncd/pipeline#1347; --sidecars native avoids the swap)`
        : `sidecar "${c.sidecar}" may not stop when its image is swapped for the nop image: ${c.reason}`,
    );
}
