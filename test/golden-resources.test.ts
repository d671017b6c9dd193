/**
 * Golden fixtures of PipelineResources and artifact storage
 * (fixtures/resources-*): each folder's input.yaml (and config.yaml, when
 * present) rendered as `taskpod render` renders it must print exactly its
 * pod.yaml, or, for a refused TaskRun, fail with exactly the line of its
 * error.txt. The files were written by the CLI and reviewed by eye; after a
 * deliberate change, regenerate them with
 * `taskpod render -f fixtures/<name>/input.yaml > fixtures/<name>/pod.yaml`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { formatValue, readConfig, readObjects } from '../src/cli/io';
import { formatError } from '../src/errors';
import { DEFAULT_LIMITS } from '../src/input/yaml';
import { renderPod } from '../src/render';

const FIXTURES = join(__dirname, '..', 'fixtures');
const cases = readdirSync(FIXTURES).filter((d) => d.startsWith('resources-'));

function render(dir: string): E.Either<string, string> {
  const config = existsSync(join(dir, 'config.yaml')) ? join(dir, 'config.yaml') : undefined;
  const objects = readObjects([join(dir, 'input.yaml')], DEFAULT_LIMITS);
  if (E.isLeft(objects)) return E.left(formatError(objects.left));
  const cfg = readConfig(config, DEFAULT_LIMITS);
  if (E.isLeft(cfg)) return E.left(formatError(cfg.left));
  const pod = renderPod(objects.right, { config: cfg.right });
  return E.isLeft(pod) ? E.left(formatError(pod.left)) : E.right(formatValue(pod.right, 'yaml'));
}

describe('resource fixtures', () => {
  it('exist', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (name) => {
    const dir = join(FIXTURES, name);
    const got = render(dir);
    if (existsSync(join(dir, 'pod.yaml'))) {
      expect(got).toEqual(E.right(readFileSync(join(dir, 'pod.yaml'), 'utf8')));
    } else {
      expect(got).toEqual(E.left(readFileSync(join(dir, 'error.txt'), 'utf8').trimEnd()));
    }
  });
});
