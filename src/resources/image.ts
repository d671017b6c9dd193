/**
 * The `image` resource (image_resource.go at 6c132b937e): it adds no steps
 * of its own; as an output it is reported by the image digest exporter
 * (image-digest-exporter.ts) and gets a create-dir init container when its
 * directory is the default one (pod/build.ts).
 *
 * @packageDocumentation
 */
import type { PipelineResource } from '../model/tekton';
import { fieldMap, lastParam, NO_CHANGE, Resource } from './types';

/** An image resource's fields. */
export interface ImageFields {
  readonly name: string;
  readonly url: string;
  readonly digest: string;
}

/**
 * Reads an image resource: the last `url` and `digest` params.
 *
 * @example
 * ```ts
 * imageFields({ metadata: { name: 'img' }, spec: { type: 'image', params: [{ name: 'url', value: 'gcr.io/x' }] } });
 * // { name: 'img', url: 'gcr.io/x', digest: '' }
 * ```
 */
export function imageFields(r: PipelineResource): ImageFields {
  return { name: r.metadata?.name ?? '', url: lastParam(r.spec, 'url'), digest: lastParam(r.spec, 'digest') };
}

/**
 * The image resource.
 *
 * @example
 * ```ts
 * imageResource(r).replacements.get('url'); // 'gcr.io/x'
 * ```
 */
export function imageResource(r: PipelineResource): Resource {
  const f = imageFields(r);
  return {
    type: 'image',
    name: f.name,
    replacements: fieldMap('name', f.name, 'type', 'image', 'url', f.url, 'digest', f.digest),
    inputModifier: () => NO_CHANGE,
    outputModifier: () => NO_CHANGE,
  };
}
