/**
 * `taskpod stop-sidecars`: the nop-image swap Tekton made to a Pod whose
 * steps are done.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { DEFAULT_IMAGES } from '../model/config';
import { checkSidecars, knownNopImage, nopWarnings } from '../sidecars/nop-risk';
import { phaseOf } from '../sidecars/pod';
import { runningSidecars, stepsComplete, stopSidecars } from '../sidecars/stop';
import { optList, optString } from './args';
import { Command, CommandResult, commonOptions, limitsFrom, outputFormat } from './command';
import { formatUpdate, nopContains, readOnePod } from './sidecar-io';

export const stopSidecarsCommand: Command = {
  name: 'stop-sidecars',
  summary: 'the Pod with its running sidecars swapped to the nop image, as Tekton stopped them',
  usage: 'taskpod stop-sidecars -f POD [--nop IMAGE] [--nop-contains PATH ...] [-o yaml|json|patch]',
  description: [
    'Reads one Pod and, as Tekton did once a TaskRun was done, replaces the image of every',
    'running sidecar with the nop image (--nop, default Tekton v0.8.0\'s). Steps, waiting or',
    'terminated containers, sidecars already on the nop image, and Pods that are not Running are',
    'left alone, so running it again changes nothing. Every field of the Pod is kept.',
    '-o patch prints the change as an RFC 6902 JSON Patch ([] when there is none).',
    'Warns when the steps are not all finished, and when a swapped sidecar would keep running',
    'because the nop image contains its command (tektoncd/pipeline#1347; --nop-contains lists',
    'what an operator\'s nop image contains).',
  ],
  examples: [
    'kubectl get pod my-run-pod-abcde -o yaml | taskpod stop-sidecars -f - -o patch',
    'taskpod stop-sidecars -f pod.yaml --nop registry.example.com/nop:1 --nop-contains /bin/sh',
  ],
  options: { ...commonOptions, nop: { value: true }, 'nop-contains': { value: true, repeat: true } },
  run(options): CommandResult {
    const limits = limitsFrom(options);
    const format = outputFormat(options, ['yaml', 'json', 'patch']);
    const nop = optString(options, 'nop') ?? DEFAULT_IMAGES.nop;
    const contains = nopContains(options);
    return pipe(
      readOnePod(optList(options, 'file'), limits),
      E.map((live) => {
        const update = stopSidecars(live, nop);
        const warnings: string[] = [];
        if (!update.changed) {
          const phase = phaseOf(live);
          const why =
            phase !== 'Running'
              ? `the Pod is ${phase === '' ? 'without a phase' : `in phase ${phase}`}, not Running`
              : runningSidecars(live).length === 0
                ? 'no sidecar is running'
                : `every running sidecar already runs ${nop}`;
          warnings.push(`${live.label}: nothing to stop: ${why}`);
        } else {
          if (!stepsComplete(live)) warnings.push(`${live.label}: not every step has finished; Tekton stopped sidecars only once the TaskRun was done`);
          const swapped = new Set(update.stopped.map((s) => s.name));
          const sidecars = (live.pod.spec?.containers ?? []).filter((c) => swapped.has(c.name ?? ''));
          warnings.push(...nopWarnings(checkSidecars(sidecars, knownNopImage(nop, contains))).map((w) => `${live.label}: ${w}`));
        }
        return { stdout: formatUpdate(update, format), warnings };
      }),
    );
  },
};

