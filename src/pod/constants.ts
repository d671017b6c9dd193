/**
 * The fixed paths, volumes and mounts of a Tekton Pod (pod.go and
 * entrypoint.go at 6c132b937e).
 *
 * @packageDocumentation
 */
import type { EnvVar, Volume, VolumeMount } from '../model/core';

/** Where steps run by default and where resources land. */
export const WORKSPACE_DIR = '/workspace';
/** `$HOME` of every step. */
export const HOME_DIR = '/builder/home';
/** Where script files are written. */
export const SCRIPTS_DIR = '/builder/scripts';
/** The tools volume's mount point: entrypoint binary and post files. */
export const TOOLS_DIR = '/builder/tools';
/** The entrypoint binary inside the tools volume. */
export const ENTRYPOINT_BINARY = `${TOOLS_DIR}/entrypoint`;
/** The downward volume's mount point. */
export const DOWNWARD_DIR = '/builder/downward';
/** The file the first step waits on: the ready annotation, projected. */
export const READY_FILE = `${DOWNWARD_DIR}/ready`;
/**
 * Annotation that releases the first step once sidecars are ready.
 *
 * @example
 * ```ts
 * // what the controller patches once the sidecars are ready:
 * const patch = { metadata: { annotations: { [READY_ANNOTATION]: READY_VALUE } } };
 * ```
 *
 * @public
 */
export const READY_ANNOTATION = 'tekton.dev/ready';
/**
 * Its value once the sidecars are ready.
 *
 * @example
 * ```ts
 * pod.metadata?.annotations?.[READY_ANNOTATION] === READY_VALUE; // the first step may start
 * ```
 *
 * @public
 */
export const READY_VALUE = 'READY';
/** Prefix of every step container's name. */
export const STEP_PREFIX = 'step-';
/** Name of the init step that copies the entrypoint binary. */
export const PLACE_TOOLS = 'place-tools';

/** `HOME=/builder/home`, put first in every step's env. */
export const IMPLICIT_ENV: readonly EnvVar[] = [{ name: 'HOME', value: HOME_DIR }];

/** The workspace and home mounts every step gets unless it mounts those paths itself. */
export const IMPLICIT_MOUNTS: readonly VolumeMount[] = [
  { name: 'workspace', mountPath: WORKSPACE_DIR },
  { name: 'home', mountPath: HOME_DIR },
];

/** The workspace and home volumes. */
export const IMPLICIT_VOLUMES: readonly Volume[] = [
  { name: 'workspace', emptyDir: {} },
  { name: 'home', emptyDir: {} },
];

/** The tools mount (entrypoint binary, post files). */
export const TOOLS_MOUNT: VolumeMount = { name: 'tools', mountPath: TOOLS_DIR };
/** The downward mount (ready file), on the first step only. */
export const DOWNWARD_MOUNT: VolumeMount = { name: 'downward', mountPath: DOWNWARD_DIR };
/** The tools volume. */
export const TOOLS_VOLUME: Volume = { name: 'tools', emptyDir: {} };
/** The downward volume projecting the ready annotation as `ready`. */
export const DOWNWARD_VOLUME: Volume = {
  name: 'downward',
  downwardAPI: { items: [{ path: 'ready', fieldRef: { fieldPath: `metadata.annotations['${READY_ANNOTATION}']` } }] },
};
/** The scripts volume and its mount. */
export const SCRIPTS_VOLUME: Volume = { name: 'place-scripts', emptyDir: {} };
/** The mount of {@link SCRIPTS_VOLUME}. */
export const SCRIPTS_MOUNT: VolumeMount = { name: 'place-scripts', mountPath: SCRIPTS_DIR };
