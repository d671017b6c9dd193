/**
 * Artifact storage for the TaskRuns of a PipelineRun: the PipelineRun's
 * PersistentVolumeClaim or a GCS bucket, and the claim itself.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './pvc';
export * from './bucket';
export * from './storage';
export * from './claim';
