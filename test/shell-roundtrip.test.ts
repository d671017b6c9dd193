/**
 * The shell text taskpod writes, run for real: the place-scripts and
 * working-dir init containers' args go through the kubelet's `$(VAR)`
 * expansion (test/helpers/kubelet-expand.ts, a port of Kubernetes'
 * expansion package) and then `bash -c`, as Tekton's bash image ran them
 * (cmd/bash/main.go), in a sandbox with its own /workspace and
 * /builder/scripts (test/helpers/bash-sandbox.ts). Then:
 * - every script file holds exactly the step's script plus the newline the
 *   heredoc adds, whatever the script contains;
 * - every working dir is created, and nothing else happens.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Container, EnvVar, Pod } from '../src/model/core';
import { fillPlaceScripts, placeScript, runScriptFile } from '../src/pod/scripts';
import { escapeForKubelet, kubeletWouldChange, shellWord } from '../src/pod/shell';
import { withSuffix } from '../src/names';
import { Json, JsonObject, Scenario, scenario } from './arbitraries/taskrun';
import { nastyText, pathSegment, workingDir as workingDirArb } from './arbitraries/text';
import { createdPaths, runBash, sandboxAvailable } from './helpers/bash-sandbox';
import { containerEnv, expand, expandArgs, mappingFor, SERVICE_ENV } from './helpers/kubelet-expand';
import { expectedWorkingDirs, initContainer, withParents } from './helpers/oracle';
import { renderOk } from './helpers/render';
import { checkProperty } from './helpers/runs';

const SERVICE_LIKE = [
  'KUBERNETES_SERVICE_HOST',
  'A_SERVICE_PORT',
  'A_SERVICE_PORT_HTTPS',
  'A_B_SERVICE_PORT_GRPC_WEB',
  'A_PORT',
  'A_PORT_80_TCP',
  'A_PORT_80_UDP_ADDR',
  'A_PORT_8080_SCTP_PROTO',
  'A_PORT_443_TCP_PORT',
  '_SERVICE_HOST',
  '1A_SERVICE_HOST',
  'a_SERVICE_HOST',
  'A_SERVICE_HOSTX',
  'XA_SERVICE_HOST ',
  'A_PORT_X_TCP',
  'A_PORT_80_HTTP',
  'A_PORT_80_TCP_NAME',
  'A_PORT_80',
  'SERVICE_HOST',
  'A_SERVICEHOST',
];

/** Names of the env vars the kubelet adds for Services (pkg/kubelet/envvars). */
const SERVICE_LINK = /^[A-Z][A-Z0-9_]*_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)$/;

const withSandbox = sandboxAvailable() ? describe : describe.skip;
if (!sandboxAvailable()) {
  // eslint-disable-next-line no-console
  console.warn('shell round trip skipped: no mount namespaces (unshare) on this machine');
}

/** What bash receives from an init container that runs `/ko-app/bash -args TEXT`. */
function bashText(c: Container): string {
  const args = expandArgs(c.args ?? [], c.env ?? [], SERVICE_ENV);
  expect(args[0]).toBe('-args');
  expect(args).toHaveLength(2);
  return args[1]!;
}

/** Container env as bash would see it (only names bash can hold). */
function shellEnv(env: readonly EnvVar[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of containerEnv(env)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && !v.includes('\0')) out[k] = v;
  return out;
}

describe('kubelet expansion port', () => {
  // The cases of Kubernetes' expand_test.go, which define the rules.
  const context = new Map([
    ['VAR_A', 'A'],
    ['VAR_B', 'B'],
    ['VAR_C', 'C'],
    ['VAR_REF', '$(VAR_A)'],
    ['VAR_EMPTY', ''],
  ]);
  const cases: readonly [string, string][] = [
    ['$(VAR_A)', 'A'],
    ['$(VAR_A)-$(VAR_A)', 'A-A'],
    ['___$(VAR_B)___', '___B___'],
    ['$(VAR_A)_$(VAR_B)_$(VAR_C)', 'A_B_C'],
    ['$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
    ['$$(VAR_A)_$$(VAR_B)', '$(VAR_A)_$(VAR_B)'],
    ['f000-$$VAR_A', 'f000-$VAR_A'],
    ['foo\\$(VAR_C)bar', 'foo\\Cbar'],
    ['$(VAR_A$(VAR_B))', '$(VAR_A$(VAR_B))'],
    ['$(VAR_A$(VAR_B)', '$(VAR_A$(VAR_B)'],
    ['$(VAR_REF)', '$(VAR_A)'],
    ['foo$(VAR_EMPTY)bar', 'foobar'],
    ['foo$(VAR_Awhoops!', 'foo$(VAR_Awhoops!'],
    ['$?_boo_$!', '$?_boo_$!'],
    ['$VAR_A', '$VAR_A'],
    ['$(VAR_DNE)', '$(VAR_DNE)'],
    ['$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
    ['$$$$$$(VAR_A)', '$$$(VAR_A)'],
    ['$$$$$$$(GOOD_ODDS)', '$$$$(GOOD_ODDS)'],
    ['$$$$$$$(VAR_A)', '$$$A'],
    ['$VAR_A)', '$VAR_A)'],
    ['${VAR_A}', '${VAR_A}'],
    ['$(VAR_B)_______$(A', 'B_______$(A'],
    ['$(VAR_C)_______$(', 'C_______$('],
    ['$(VAR_A)foobarzab$', 'Afoobarzab$'],
    ['--$($($($($--', '--$($($($($--'],
    ['$($($($($--foo$(', '$($($($($--foo$('],
    ['$(foo$$var)', '$(foo$$var)'],
    ['\n', '\n'],
  ];
  it.each(cases)('expands %j to %j', (input, expected) => {
    expect(expand(input, mappingFor(context))).toBe(expected);
  });

  it('expands env values in order against the vars before them', () => {
    const env = containerEnv([
      { name: 'FOO', value: 'bar' },
      { name: 'ZOO', value: '$(FOO)-1' },
      { name: 'BLU', value: '$(ZOO)-2' },
      { name: 'EARLY', value: '$(LATE)' },
      { name: 'LATE', value: 'x' },
    ]);
    expect(Object.fromEntries(env)).toEqual({ FOO: 'bar', ZOO: 'bar-1', BLU: 'bar-1-2', EARLY: '$(LATE)', LATE: 'x' });
  });
});

describe('the kubelet rules taskpod relies on (src/pod/shell.ts)', () => {
  // Short texts over a small alphabet reach the corner cases (an unclosed
  // `$(` before a `$$`, `$` at the end, nested parentheses) often.
  const dollarText = fc.oneof(
    fc.string({ unit: fc.constantFrom('$', '(', ')', 'A'), maxLength: 8 }),
    fc.string({ unit: fc.constantFrom('$', '(', ')', 'A', 'B', 'a', ' ', '\n', 'X_SERVICE_HOST', 'X_PORT_80_TCP', 'x_port'), maxLength: 24 }),
    // Names that are, and almost are, those of a Service's env vars.
    fc.constantFrom(...SERVICE_LIKE).map((n) => `echo $(${n})`),
  );
  const names = fc.subarray(['A', 'B', 'AB', '', ' ', 'a)', '$'], { minLength: 0 });
  /** The kubelet's mapping with these names and any Service env var defined (their existence depends on the cluster). */
  const withServices = (defined: readonly string[]) => {
    const own = mappingFor(new Map(defined.map((n) => [n, `<${n}>`])));
    return (name: string) => (SERVICE_LINK.test(name) ? `<service ${name}>` : own(name));
  };

  // Protects: DEVIATIONS.md item 8's test — taskpod escapes a script exactly
  // when the kubelet would change it; a wrong "no" corrupts the script, a
  // wrong "yes" departs from Tekton's text for nothing.
  it('kubeletWouldChange agrees with the kubelet', () => {
    checkProperty('kubeletWouldChange vs kubelet', 500, fc.property(dollarText, names, (text, defined) => {
      expect(kubeletWouldChange(text, new Set(defined))).toBe(expand(text, withServices(defined)) !== text);
    }));
  });

  // Protects: with env names unknown (envFrom), every `$(...)` may change.
  it('kubeletWouldChange with unknown names agrees with a kubelet that defines every name', () => {
    checkProperty('kubeletWouldChange, envFrom', 300, fc.property(dollarText, (text) => {
      const every = (name: string) => `<${name}>`;
      expect(kubeletWouldChange(text, new Set(), true)).toBe(expand(text, every) !== text);
    }));
  });

  // Protects: doubling every `$` is undone by the kubelet whatever the env.
  it('escapeForKubelet is undone by the kubelet', () => {
    checkProperty('escapeForKubelet round trip', 300, fc.property(fc.oneof(dollarText, nastyText(6)), names, (text, defined) => {
      expect(expand(escapeForKubelet(text), mappingFor(new Map(defined.map((n) => [n, 'X']))))).toBe(text);
    }));
  });

  // Protects: shellWord leaves ordinary words alone (so ordinary paths stay
  // byte-identical to Tekton's) and quotes the rest.
  it('shellWord leaves safe words unchanged', () => {
    checkProperty('shellWord safe words', 200, fc.property(fc.stringMatching(/^[A-Za-z0-9_@%+=:,./-]+$/), (w) => {
      expect(shellWord(w)).toBe(w);
    }));
  });
});

// Cases the mutation run (docs/quality.md) showed no test pinned down.
describe('edge cases of script placement and the kubelet rules', () => {
  const seed = 'default/run';
  const base = 'script-heredoc-randomly-generated';

  // Protects: a script holding the first delimiter and the next candidates
  // still gets one it does not hold (and the search ends).
  it('finds a delimiter the script does not hold, however many it holds', () => {
    const held = [withSuffix(seed, base, '1'), withSuffix(seed, base, ''), withSuffix(seed, base, '1/1'), withSuffix(seed, base, '1/2')];
    const p = placeScript(`#!/bin/sh\n${held.join('\n')}`, 1, seed);
    expect(held.some((d) => d === p.delimiter)).toBe(false);
    expect(p.script.includes(p.delimiter)).toBe(false);
  });

  // Protects: the script file replaces everything after -entrypoint, also
  // when -entrypoint comes first; the scripts volume is mounted.
  it('runs the script file after -entrypoint, wherever -entrypoint is', () => {
    expect(runScriptFile({ args: ['-entrypoint', 'sh', '--', '-c'] }, '/builder/scripts/f').args).toEqual(['-entrypoint', '/builder/scripts/f']);
    expect(runScriptFile({ args: ['-wait_file', 'w', '-entrypoint', '--'] }, '/f').args).toEqual(['-wait_file', 'w', '-entrypoint', '/f']);
    expect(runScriptFile({}, '/f')).toEqual({ args: ['/f'], volumeMounts: [{ name: 'place-scripts', mountPath: '/builder/scripts' }] });
  });

  // Protects: fillPlaceScripts judges with the container's own env: none
  // means nothing is defined; envFrom means anything may be.
  it('fillPlaceScripts: no env defines nothing; envFrom may define anything', () => {
    const p = { file: '/builder/scripts/s', delimiter: 'D', script: '#!/bin/sh\necho $() $(X)' };
    const text = (c: Container) => fillPlaceScripts(c, [p]).args![1]!;
    expect(text({ name: 'c' })).toContain('\necho $() $(X)\n');
    expect(text({ name: 'c', envFrom: [{ configMapRef: { name: 'm' } }] })).toContain('\necho $$() $$(X)\n');
    expect(text({ name: 'c', env: [{ name: 'X', value: '1' }] })).toContain('\necho $$() $$(X)\n');
  });

  // Protects: without the envFrom flag nothing unknown counts as defined;
  // only `$(` opens a reference (`$HOME)` is not one).
  it('kubeletWouldChange: defaults and bare $', () => {
    expect(kubeletWouldChange('echo $(X)', new Set())).toBe(false);
    expect(kubeletWouldChange('echo $HOME) ok', new Set(), true)).toBe(false);
    expect(kubeletWouldChange('echo $aB)', new Set(['B']))).toBe(false);
    expect(kubeletWouldChange('echo $(aB)', new Set(['aB']))).toBe(true);
  });
});

withSandbox('scripts, for real', () => {
  /** The heredoc body of each script file in the place-scripts text, by file. */
  function placedBodies(text: string): Map<string, string> {
    const out = new Map<string, string>();
    const re = /tmpfile="([^"\n]*)"\ntouch \$\{tmpfile\} && chmod \+x \$\{tmpfile\}\ncat > \$\{tmpfile\} << '([^'\n]*)'\n/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = m.index + m[0].length;
      const end = text.indexOf(`\n${m[2]}\n`, start - 1);
      out.set(m[1]!, text.slice(start, end));
      re.lastIndex = end;
    }
    return out;
  }

  function scriptSteps(pod: Pod, s: Scenario): { readonly file: string; readonly script: string }[] {
    const cs = pod.spec?.containers ?? [];
    return s.model.steps.flatMap((m, j) => (m.script === undefined ? [] : [{ file: cs[j]!.args![cs[j]!.args!.length - 1]!, script: m.script }]));
  }

  // Protects: DEVIATIONS.md item 8 and Tekton's heredoc — after the
  // kubelet and bash, each script file holds exactly the step's script plus
  // the newline the heredoc adds, is executable, and nothing else is written.
  it('each script file holds exactly its script plus one newline', () => {
    checkProperty('scripts round trip', 40, fc.property(scenario({ scriptsOnly: true, maxSteps: 3 }), (s) => {
      const pod = renderOk(s);
      const place = initContainer(pod, 'place-scripts');
      expect(place).toBeDefined();
      const run = runBash(bashText(place!), '/', shellEnv(place!.env ?? []));
      try {
        expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
        const steps = scriptSteps(pod, s);
        for (const { file, script } of steps) {
          expect(readFileSync(join(run.root, file), 'utf8')).toBe(`${script}\n`);
          expect(statSync(join(run.root, file)).mode & 0o111).toBe(0o111);
        }
        expect(createdPaths(run)).toEqual(steps.map((x) => x.file).sort());
      } finally {
        run.cleanup();
      }
    }));
  });

  // Protects: found by the properties above — an unclosed `$(` does not
  // stop the kubelet from turning a later `$$` into `$`, so such a script
  // (or working dir) must be escaped too.
  it('regression: an unclosed $( before $$', () => {
    const docs = [
      {
        apiVersion: 'tekton.dev/v1alpha1',
        kind: 'TaskRun',
        metadata: { name: 'r' },
        spec: { taskSpec: { steps: [{ name: 's', image: 'ubuntu', workingDir: '/workspace/$(x/$$', script: '#!/bin/sh\necho "$(date" $$' }] } },
      },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } },
    ];
    const pod = renderOk({ docs });
    const scripts = runBash(bashText(initContainer(pod, 'place-scripts')!));
    const dirs = runBash(bashText(initContainer(pod, 'step-working-dir-initializer')!), '/workspace');
    try {
      const file = pod.spec!.containers![0]!.args!.slice(-1)[0]!;
      expect(readFileSync(join(scripts.root, file), 'utf8')).toBe('#!/bin/sh\necho "$(date" $$\n');
      expect(createdPaths(dirs)).toEqual(['/workspace/$(x', '/workspace/$(x/$$']);
    } finally {
      scripts.cleanup();
      dirs.cleanup();
    }
  });

  // Protects: found by test:deep — the kubelet expands the place-scripts
  // text as one string, so an unclosed `$(` in one script read on into the
  // next one and swallowed its escaped `$$(BAR)` (written as `$$(BAR)`).
  it('regression: an unclosed $( in one script, a defined $(BAR) in the next', () => {
    const docs = [
      {
        apiVersion: 'tekton.dev/v1alpha1',
        kind: 'TaskRun',
        metadata: { name: 'r' },
        spec: {
          taskSpec: {
            stepTemplate: { env: [{ name: 'BAR', value: '' }] },
            steps: [
              { name: 'a', image: 'ubuntu', script: '#!/bin/sh\n$(' },
              { name: 'b', image: 'ubuntu', script: '#!/bin/sh\n$(BAR)' },
            ],
          },
        },
      },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } },
    ];
    const pod = renderOk({ docs });
    const place = initContainer(pod, 'place-scripts')!;
    const run = runBash(bashText(place), '/', shellEnv(place.env ?? []));
    try {
      const files = pod.spec!.containers!.slice(0, 2).map((c) => c.args!.slice(-1)[0]!);
      expect(readFileSync(join(run.root, files[0]!), 'utf8')).toBe('#!/bin/sh\n$(\n');
      expect(readFileSync(join(run.root, files[1]!), 'utf8')).toBe('#!/bin/sh\n$(BAR)\n');
    } finally {
      run.cleanup();
    }
  });

  // Protects: the other half of item 8 — a script the kubelet would not
  // change is placed byte for byte as Tekton placed it; one it would change
  // (with the container's env, or a Service's env var, which the cluster
  // may define) has every `$` doubled, nothing else.
  it('a script is placed verbatim unless the kubelet would change it, then with every $ doubled', () => {
    checkProperty('scripts placed minimally', 150, fc.property(scenario({ scriptsOnly: true, maxSteps: 3 }), (s) => {
      const pod = renderOk(s);
      const place = initContainer(pod, 'place-scripts')!;
      const bodies = placedBodies(place.args![1]!);
      const env = mappingFor(containerEnv(place.env ?? []));
      const defined = new Set(containerEnv(place.env ?? []).keys());
      // A var whose value is its own reference (`BAR=$(BAR)`) expands to the
      // same text; taskpod still escapes a script mentioning it, on purpose
      // (docs/deviations.md, "Shell text"), so it counts as a change here.
      const mapping = (name: string) =>
        defined.has(name) ? (env(name) === `$(${name})` ? `<self ${name}>` : env(name)) : SERVICE_LINK.test(name) ? `<service ${name}>` : env(name);
      const all = () => 'X';
      const steps = scriptSteps(pod, s);
      for (const [k, { file, script }] of steps.entries()) {
        // An unclosed `$(` would read on into a script after it: escaped too.
        const unclosed = k < steps.length - 1 && expand(`${script})`, all) !== `${expand(script, all)})`;
        const changes = expand(script, mapping) !== script || unclosed;
        expect(bodies.get(file)).toBe(changes ? script.replace(/\$/g, '$$$$') : script);
      }
    }));
  });
});

withSandbox('working dirs, for real', () => {
  /** The scenario with these working dirs on its steps (cycled), literally. */
  function withWorkingDirs(s: Scenario, dirs: readonly string[]): { docs: JsonObject[]; config: Json; dirs: string[] } {
    const docs = structuredClone(s.docs);
    const run = docs[0]!;
    const spec = (((run.spec as JsonObject).taskSpec as JsonObject | undefined) ?? (docs.find((d) => d.kind === 'Task' || d.kind === 'ClusterTask')!.spec as JsonObject)) as JsonObject;
    const steps = spec.steps as JsonObject[];
    const given = steps.map((st, j) => dirs[j % dirs.length]!);
    steps.forEach((st, j) => (st.workingDir = given[j]!));
    return { docs, config: s.config as unknown as Json, dirs: given };
  }

  const nastyDir = fc.array(pathSegment(), { minLength: 1, maxLength: 3 }).map((segs) => `/workspace/${segs.join('/')}`);

  // Protects: the working-dir initializer's text, after the kubelet and
  // bash, creates every working dir inside /workspace (paths with spaces,
  // quotes, `;`, `$(...)`, backquotes, globs, newlines) and does nothing
  // else: no other file, no command run.
  it('creates every working dir and nothing else', () => {
    checkProperty('working dirs round trip', 40, fc.property(scenario({ maxSteps: 4 }), fc.array(fc.oneof({ weight: 4, arbitrary: nastyDir }, { weight: 1, arbitrary: workingDirArb() }), { minLength: 1, maxLength: 4 }), (s, dirs) => {
      const input = withWorkingDirs(s, dirs);
      const pod = renderOk(input);
      const wanted = expectedWorkingDirs(input.dirs);
      const init = initContainer(pod, 'step-working-dir-initializer');
      expect(init !== undefined).toBe(wanted.length > 0);
      if (init === undefined) return;
      const run = runBash(bashText(init), '/workspace', shellEnv(init.env ?? []));
      try {
        expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
        expect(createdPaths(run)).toEqual(withParents(wanted));
      } finally {
        run.cleanup();
      }
    }));
  });

  // Protects: ordinary paths stay byte-identical to Tekton's unquoted
  // `mkdir -p DIR DIR...` (sorted, cleaned).
  it('ordinary working dirs give exactly Tekton\'s mkdir text', () => {
    const plain = fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,8}$/), { minLength: 1, maxLength: 3 }).map((segs) => `/workspace/${segs.join('/')}`);
    checkProperty('working dirs as Tekton wrote them', 150, fc.property(scenario({ maxSteps: 3 }), fc.array(plain, { minLength: 1, maxLength: 3 }), (s, dirs) => {
      const input = withWorkingDirs(s, dirs);
      const wanted = expectedWorkingDirs(input.dirs);
      const init = initContainer(renderOk(input), 'step-working-dir-initializer');
      if (wanted.length === 0) expect(init).toBeUndefined();
      else expect(init?.args).toEqual(['-args', `mkdir -p ${wanted.join(' ')}`]);
    }));
  });
});
