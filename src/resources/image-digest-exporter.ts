/**
 * The image digest exporter (image_exporter.go at 6c132b937e): when the
 * TaskRun has image outputs, a last step reads each image's `index.json`
 * from its output directory and reports the digests.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import type { TaskpodError } from '../errors';
import type { Step, TaskSpec } from '../model/tekton';
import { withSuffix } from '../names';
import { bindingsOf, boundResources, ResourceContext } from './context';
import { goJsonString } from './go';
import { imageFields } from './image';
import { withSteps } from './types';

/** The exporter step's base name. */
export const IMAGE_DIGEST_EXPORTER = 'image-digest-exporter';

/** One image output as the exporter reads it (Go's ImageResource, marshalled). */
export interface ExportedImage {
  readonly name: string;
  readonly url: string;
  readonly digest: string;
  readonly outputImageDir: string;
}

/**
 * The exporter's `-images` argument: Go's JSON of the image resources, in
 * the order of the TaskRun's output bindings.
 *
 * @example
 * ```ts
 * imagesJson([{ name: 'img', url: 'gcr.io/x', digest: '', outputImageDir: '/builder/home/image-outputs/img' }]);
 * // '[{"name":"img","type":"image","url":"gcr.io/x","digest":"","OutputImageDir":"/builder/home/image-outputs/img"}]'
 * ```
 */
export function imagesJson(images: readonly ExportedImage[]): string {
  // Written field by field, in the struct's order (what goJson would print for these objects).
  let out = '[';
  for (let k = 0; k < images.length; k++) {
    const i = images[k]!;
    out += `${k === 0 ? '' : ','}{"name":${goJsonString(i.name)},"type":"image","url":${goJsonString(i.url)},"digest":${goJsonString(i.digest)}`;
    out += `,"OutputImageDir":${goJsonString(i.outputImageDir)}}`;
  }
  return `${out}]`;
}

/**
 * The exporter step for the given images.
 *
 * @example
 * ```ts
 * imageDigestExporterStep(images.imageDigestExporter, exported, 'default/run').command; // ['/ko-app/imagedigestexporter']
 * ```
 */
export function imageDigestExporterStep(image: string, exported: readonly ExportedImage[], seed: string): Step {
  return {
    name: withSuffix(seed, IMAGE_DIGEST_EXPORTER, IMAGE_DIGEST_EXPORTER),
    image,
    command: ['/ko-app/imagedigestexporter'],
    args: ['-images', imagesJson(exported)],
    terminationMessagePolicy: 'FallbackToLogsOnError',
  };
}

/**
 * The TaskRun's image outputs, in binding order, each with the output
 * directory its Task declares (after defaulting).
 */
export function exportedImages(ctx: ResourceContext, spec: TaskSpec): ExportedImage[] {
  const out: ExportedImage[] = [];
  for (const b of bindingsOf(ctx.run, 'outputs')) {
    const r = ctx.run.outputs.get(b.name ?? '');
    if (r === undefined || r.spec?.type !== 'image') continue;
    const f = imageFields(r);
    const declared = (spec.outputs?.resources ?? []).find((o) => o.name === b.name && (o.outputImageDir ?? '') !== '');
    out.push({ name: f.name, url: f.url, digest: f.digest, outputImageDir: declared?.outputImageDir ?? '' });
  }
  return out;
}

/**
 * First stage of the Pod's resources. It reads every bound resource as its
 * type, as the reconciler did before anything else (so an unusable resource
 * is refused here), then appends the image digest exporter when the TaskRun
 * has image outputs.
 *
 * @example
 * ```ts
 * addImageDigestExporter(ctx, spec); // Right(spec with the exporter as last step)
 * ```
 */
export function addImageDigestExporter(ctx: ResourceContext, spec: TaskSpec): E.Either<TaskpodError, TaskSpec> {
  const inputs = boundResources(ctx, 'inputs');
  if (E.isLeft(inputs)) return inputs;
  const outputs = boundResources(ctx, 'outputs');
  if (E.isLeft(outputs)) return outputs;
  const exported = exportedImages(ctx, spec);
  if (exported.length === 0) return E.right(spec);
  return E.right(withSteps(spec, [...(spec.steps ?? []), imageDigestExporterStep(ctx.config.images.imageDigestExporter, exported, ctx.seed)]));
}
