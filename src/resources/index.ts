/**
 * PipelineResources in the Pod: the checks of the TaskRun's bindings, the
 * image digest exporter, the input resources' download steps, the output
 * resources' upload steps, and the `$(inputs|outputs.resources.NAME.FIELD)`
 * replacements. One module per resource type; the stages are called by
 * render.ts in the reconciler's order.
 *
 * @packageDocumentation
 */
export { ResourceContext, Direction, Bound, boundResources, copiesArtifacts } from './context';
export { validateResourceBindings } from './validate';
export { addImageDigestExporter, imageDigestExporterStep, imagesJson, ExportedImage } from './image-digest-exporter';
export { addInputResources } from './inputs';
export { addOutputResources } from './outputs';
export { resourceReplacements } from './replacements';
export { inputResourcePath, outputResourcePath, outputSourcePath, OUTPUT_DIR } from './paths';
export { resourceFromType, ARTIFACT_TYPES } from './resource';
export { Resource, ResourceType, TaskModifier, Naming, applyModifier } from './types';
export { gitResource, gitFields } from './git';
export { pullRequestResource } from './pull-request';
export { imageResource, imageFields } from './image';
export { clusterResource, clusterFields, clusterConfigJson } from './cluster';
export { gcsResource, gcsFields } from './storage-gcs';
export { buildGcsResource, buildGcsFields } from './storage-build-gcs';
export { cloudEventResource } from './cloud-event';
