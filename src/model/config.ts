/**
 * The controller configuration taskpod needs in place of the cluster: the
 * images of the controller's flags and the registry's answers for image
 * entrypoints (../shared/CONFORMANCE.md, `config.yaml`).
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { listOf, mapOf, struct } from './struct';

/**
 * The controller's image flags.
 *
 * @example
 * ```ts
 * const images: Images = { ...DEFAULT_IMAGES, nop: 'registry.example.com/nop:v1' };
 * ```
 *
 * @public
 */
export interface Images {
  /** `-entrypoint-image`: copies the entrypoint binary (init container place-tools). */
  readonly entrypoint: string;
  /** `-nop-image`: swapped into sidecars to stop them. */
  readonly nop: string;
  /** `-git-image`: git-init, for git resources. */
  readonly git: string;
  /** `-creds-image`: creds-init, the credential initializer. */
  readonly creds: string;
  /** `-kubeconfig-writer-image`: for cluster resources. */
  readonly kubeconfigWriter: string;
  /** `-bash-noop-image`: bash, for working-dir, mkdir, copy and place-scripts steps. */
  readonly bashNoop: string;
  /** `-gsutil-image`: for storage resources and bucket artifacts. */
  readonly gsutil: string;
  /** `-build-gcs-fetcher-image`: for build-gcs storage resources. */
  readonly buildGcsFetcher: string;
  /** `-pr-image`: pullrequest-init, for pullRequest resources. */
  readonly pr: string;
  /** `-imagedigest-exporter-image`: the image digest exporter step. */
  readonly imageDigestExporter: string;
}

const RELEASE = 'gcr.io/tekton-releases/github.com/tektoncd/pipeline';

/**
 * The images of the Tekton v0.8.0 release, by tag (../shared/DEFAULT_IMAGES.md).
 *
 * @example
 * ```ts
 * DEFAULT_IMAGES.creds; // 'gcr.io/tekton-releases/github.com/tektoncd/pipeline/cmd/creds-init:v0.8.0'
 * ```
 *
 * @public
 */
export const DEFAULT_IMAGES: Images = {
  entrypoint: `${RELEASE}/cmd/entrypoint:v0.8.0`,
  nop: `${RELEASE}/cmd/nop:v0.8.0`,
  git: `${RELEASE}/cmd/git-init:v0.8.0`,
  creds: `${RELEASE}/cmd/creds-init:v0.8.0`,
  kubeconfigWriter: `${RELEASE}/cmd/kubeconfigwriter:v0.8.0`,
  bashNoop: `${RELEASE}/cmd/bash:v0.8.0`,
  gsutil: `${RELEASE}/cmd/gsutil:v0.8.0`,
  buildGcsFetcher: `${RELEASE}/vendor/github.com/googlecloudplatform/cloud-builders/gcs-fetcher/cmd/gcs-fetcher:v0.8.0`,
  pr: `${RELEASE}/cmd/pullrequest-init:v0.8.0`,
  imageDigestExporter: `${RELEASE}/cmd/imagedigestexporter:v0.8.0`,
};

/**
 * What the registry would answer: image reference to ENTRYPOINT (else CMD).
 *
 * @example
 * ```ts
 * const entrypoints: ImageEntrypoints = { ubuntu: ['/bin/bash'], 'golang:1.13': ['bash'] };
 * ```
 *
 * @public
 */
export type ImageEntrypoints = Readonly<Record<string, readonly string[]>>;

/**
 * The controller settings a render uses.
 *
 * @example
 * ```ts
 * const config: Config = { ...DEFAULT_CONFIG, imageEntrypoints: { ubuntu: ['/bin/bash'] } };
 * renderPod(objects, { config });
 * ```
 *
 * @public
 */
export interface Config {
  readonly images: Images;
  readonly imageEntrypoints: ImageEntrypoints;
}

/**
 * The built-in configuration: v0.8.0 images and no known entrypoints.
 *
 * @example
 * ```ts
 * DEFAULT_CONFIG.imageEntrypoints; // {}
 * ```
 *
 * @public
 */
export const DEFAULT_CONFIG: Config = { images: DEFAULT_IMAGES, imageEntrypoints: {} };

const imageKeys = Object.keys(DEFAULT_IMAGES) as readonly (keyof Images)[];

/** Rejects any key of `images:` that is not a known controller flag. */
const ImagesC = new t.Type<Partial<Images>, Partial<Images>, unknown>(
  'Images',
  (u): u is Partial<Images> => typeof u === 'object' && u !== null,
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, 'expected an object of image references');
    const errors: t.ValidationError[] = [];
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(u as Record<string, unknown>)) {
      const ctx = t.appendContext(c, k, t.string, v);
      if (!(imageKeys as readonly string[]).includes(k)) {
        errors.push({ value: v, context: ctx, message: `unknown image key "${k}" (known: ${imageKeys.join(', ')})` });
      } else if (typeof v !== 'string' || v === '') {
        errors.push({ value: v, context: ctx, message: 'expected a non-empty image reference' });
      } else {
        out[k] = v;
      }
    }
    return errors.length > 0 ? t.failures(errors) : t.success(out as Partial<Images>);
  },
  t.identity,
);

/**
 * The codec of `config.yaml`.
 *
 * @example
 * ```ts
 * ConfigFile.decode({ images: { nop: 'my/nop' }, imageEntrypoints: { ubuntu: ['/bin/bash'] } });
 * ```
 *
 * @public
 */
export const ConfigFile = struct('Config', {
  images: ImagesC,
  imageEntrypoints: mapOf(listOf(t.string), 'map[image][]string'),
});
/**
 * A decoded {@link (ConfigFile:variable)}.
 *
 * @example
 * ```ts
 * const file: ConfigFile = { imageEntrypoints: { ubuntu: ['/bin/bash'] } };
 * configFromFile(file);
 * ```
 *
 * @public
 */
export type ConfigFile = t.TypeOf<typeof ConfigFile>;

/**
 * A full {@link Config} from a decoded file: missing images take the defaults.
 *
 * @example
 * ```ts
 * configFromFile({ images: { nop: 'my/nop' } }).images.nop; // 'my/nop'
 * ```
 *
 * @public
 */
export function configFromFile(file: ConfigFile): Config {
  return {
    images: { ...DEFAULT_IMAGES, ...(file.images ?? {}) },
    imageEntrypoints: file.imageEntrypoints ?? {},
  };
}

/**
 * Decodes a config document (already parsed from YAML/JSON); `null` means defaults.
 *
 * @example
 * ```ts
 * decodeConfig({ imageEntrypoints: { ubuntu: ['/bin/bash'] } }); // Right(Config)
 * decodeConfig(null); // Right(DEFAULT_CONFIG)
 * ```
 *
 * @public
 */
export function decodeConfig(u: unknown): t.Validation<Config> {
  if (u === null || u === undefined) return t.success(DEFAULT_CONFIG);
  return E.map(configFromFile)(ConfigFile.decode(u));
}
