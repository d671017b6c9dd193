/**
 * Golden fixtures of PipelineResources and artifact storage
 * (fixtures/resources-*): each folder's input.yaml (and config.yaml, when
 * present) rendered as `taskpod render` renders it must print exactly its
 * pod.yaml, or, for a refused TaskRun, fail with exactly the line of its
 * error.txt. A rendered fixture's warnings are exactly the lines of its
 * warnings.txt (none without one). The files were written by the CLI and
 * reviewed by eye; after a deliberate change, regenerate them with
 * `taskpod render -f fixtures/<name>/input.yaml > fixtures/<name>/pod.yaml`
 * (the warnings are what it prints on standard error, without the
 * `taskpod render: warning: ` prefix).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { formatValue, readConfig, readObjects } from '../src/cli/io';
import { formatError } from '../src/errors';
import { DEFAULT_LIMITS } from '../src/input/yaml';
import { renderTaskRun } from '../src/render';
import { formatWarning } from '../src/warnings';

const FIXTURES = join(__dirname, '..', 'fixtures');
const cases = readdirSync(FIXTURES).filter((d) => d.startsWith('resources-'));

/** The error line, or the Pod as YAML with the warnings' lines. */
function render(dir: string): E.Either<string, { readonly pod: string; readonly warnings: string }> {
  const config = existsSync(join(dir, 'config.yaml')) ? join(dir, 'config.yaml') : undefined;
  const objects = readObjects([join(dir, 'input.yaml')], DEFAULT_LIMITS);
  if (E.isLeft(objects)) return E.left(formatError(objects.left));
  const cfg = readConfig(config, DEFAULT_LIMITS);
  if (E.isLeft(cfg)) return E.left(formatError(cfg.left));
  const r = renderTaskRun(objects.right, { config: cfg.right });
  if (E.isLeft(r)) return E.left(formatError(r.left));
  return E.right({ pod: formatValue(r.right.pod, 'yaml'), warnings: r.right.warnings.map((w) => `${formatWarning(w)}\n`).join('') });
}

const readIfThere = (file: string): string => (existsSync(file) ? readFileSync(file, 'utf8') : '');

describe('resource fixtures', () => {
  it('exist', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (name) => {
    const dir = join(FIXTURES, name);
    const got = render(dir);
    if (existsSync(join(dir, 'pod.yaml'))) {
      expect(got).toEqual(E.right({ pod: readFileSync(join(dir, 'pod.yaml'), 'utf8'), warnings: readIfThere(join(dir, 'warnings.txt')) }));
    } else {
      expect(got).toEqual(E.left(readFileSync(join(dir, 'error.txt'), 'utf8').trimEnd()));
    }
  });
});
