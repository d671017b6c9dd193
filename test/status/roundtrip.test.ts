/**
 * Round trip: render a TaskRun's Pod, let it run (a status as the kubelet
 * reports one: container statuses by name, the image digest exporter's
 * termination message), and read the TaskRun's status back. The exporter's
 * message is what cmd/imagedigestexporter at 6c132b937e wrote: for each
 * image, the old name/digest entry, then the key/value one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { collectObjects } from '../../src/input/objects';
import { parseDocuments } from '../../src/input/yaml';
import type { ContainerStatus, Pod } from '../../src/model/core';
import { renderPod } from '../../src/render';
import { getCondition, SUCCEEDED } from '../../src/status/condition';
import { taskRunStatus } from '../../src/status/taskrun';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'resources-image-outputs', 'input.yaml');

function load() {
  const docs = parseDocuments(readFileSync(FIXTURE, 'utf8'), 'input.yaml');
  if (E.isLeft(docs)) throw new Error(docs.left.message);
  const objects = collectObjects(docs.right, (i) => `document ${i + 1}`);
  if (E.isLeft(objects)) throw new Error(objects.left.message);
  const pod = renderPod(objects.right);
  if (E.isLeft(pod)) throw new Error(pod.left.message);
  return { taskRun: objects.right.taskRuns[0]!, pod: pod.right as Pod };
}

/** What the exporter wrote for images (name, digest): Go's json.Marshal of []PipelineResourceResult. */
function exporterMessage(images: readonly (readonly [string, string])[]): string {
  return JSON.stringify(
    images.flatMap(([name, digest]) => [
      { name, digest, key: '', value: '', resourceRef: {} },
      { name: '', digest: '', key: 'digest', value: digest, resourceRef: { name } },
    ]),
  );
}

describe('render, run, read the status back', () => {
  const { taskRun, pod } = load();
  const containers = pod.spec?.containers ?? [];
  const exporter = containers.find((c) => (c.name ?? '').startsWith('step-image-digest-exporter-'));
  const message = exporterMessage([
    ['base', 'sha256:1111111111111111111111111111111111111111111111111111111111111111'],
    ['app', 'sha256:2222222222222222222222222222222222222222222222222222222222222222'],
  ]);
  const statuses: ContainerStatus[] = containers
    .map((c, i) => ({
      name: c.name ?? '',
      state: { terminated: { exitCode: 0, reason: 'Completed', ...(c === exporter ? { message } : {}), startedAt: '2019-10-30T10:00:0' + i + 'Z', finishedAt: '2019-10-30T10:01:00Z' } },
      ready: false,
      restartCount: 0,
      image: c.image ?? '',
      imageID: `docker-pullable://${c.image ?? ''}@sha256:${String(i).repeat(4)}`,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const ran: Pod = { ...pod, status: { phase: 'Succeeded', startTime: '2019-10-30T10:00:00Z', containerStatuses: statuses } };

  it('the rendered Pod has the exporter step this test reports through', () => {
    expect(exporter).toBeDefined();
  });

  it('succeeds, with both digests in resourcesResult, in the order the exporter wrote them', () => {
    const r = taskRunStatus(taskRun, ran, new Date('2019-10-30T10:02:00Z'));
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(getCondition(r.right.status.conditions, SUCCEEDED)?.reason).toBe('Succeeded');
    expect(r.right.status.resourcesResult).toEqual([
      { name: 'base', digest: 'sha256:1111111111111111111111111111111111111111111111111111111111111111', key: '', value: '', resourceRef: {} },
      { name: '', digest: '', key: 'digest', value: 'sha256:1111111111111111111111111111111111111111111111111111111111111111', resourceRef: { name: 'base' } },
      { name: 'app', digest: 'sha256:2222222222222222222222222222222222222222222222222222222222222222', key: '', value: '', resourceRef: {} },
      { name: '', digest: '', key: 'digest', value: 'sha256:2222222222222222222222222222222222222222222222222222222222222222', resourceRef: { name: 'app' } },
    ]);
    expect(r.right.warnings).toEqual([]);
  });

  it('lists the steps in the Pod\'s order, each with its container state and image ID', () => {
    const r = taskRunStatus(taskRun, ran, new Date('2019-10-30T10:02:00Z'));
    if (E.isLeft(r)) throw new Error(r.left.message);
    const steps = r.right.status.steps ?? [];
    expect(steps.map((s) => s.container)).toEqual(containers.map((c) => c.name));
    // create-dir steps, the build, the exporter: in the order they ran, not by name.
    expect(steps.map((s) => s.name?.replace(/-[a-z0-9]{5}$/, ''))).toEqual(['create-dir-base', 'create-dir-app', 'build', 'image-digest-exporter']);
    const exporterState = steps.find((s) => s.container === exporter?.name);
    expect(exporterState?.terminated?.message).toBe(message);
    expect(exporterState?.imageID).toBe(statuses.find((s) => s.name === exporter?.name)?.imageID);
  });
});
