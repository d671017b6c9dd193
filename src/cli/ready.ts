/**
 * `taskpod ready`: the ready-annotation update a controller would make to a
 * live Pod.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { READY_ANNOTATION, READY_VALUE } from '../pod/constants';
import { readyUpdate } from '../sidecars/ready';
import { optList } from './args';
import { Command, CommandResult, commonOptions, limitsFrom, outputFormat } from './command';
import { formatUpdate, readOnePod } from './sidecar-io';

export const readyCommand: Command = {
  name: 'ready',
  summary: `the Pod with ${READY_ANNOTATION}: ${READY_VALUE} once its sidecars are ready`,
  usage: 'taskpod ready -f POD [-o yaml|json|patch]',
  description: [
    `Reads one Pod (as kubectl get pod NAME -o yaml prints it) and applies Tekton's ready rule:`,
    'the Pod is Running and every sidecar (every container not named step-*, and every native',
    'sidecar init container) is running and ready, or terminated. When it holds, prints the Pod',
    `with the annotation ${READY_ANNOTATION}: ${READY_VALUE}, which releases the first step; otherwise the`,
    'Pod unchanged, with the reason on standard error. Every field of the Pod is kept.',
    '-o patch prints the change as an RFC 6902 JSON Patch ([] when there is none), for',
    'kubectl patch pod NAME --type=json -p "$(taskpod ready -f pod.yaml -o patch)".',
  ],
  examples: ['kubectl get pod my-run-pod-abcde -o yaml | taskpod ready -f - -o patch', 'taskpod ready -f pod.yaml'],
  options: commonOptions,
  run(options): CommandResult {
    const limits = limitsFrom(options);
    const format = outputFormat(options, ['yaml', 'json', 'patch']);
    return pipe(
      readOnePod(optList(options, 'file'), limits),
      E.map((live) => {
        const update = readyUpdate(live);
        const warnings = update.readiness.ready
          ? update.changed
            ? []
            : [`${live.label} already has ${READY_ANNOTATION}: ${READY_VALUE}; nothing to change`]
          : [`${live.label}: sidecars not ready: ${update.readiness.reason}; nothing to change yet`];
        return { stdout: formatUpdate(update, format), warnings };
      }),
    );
  },
};
