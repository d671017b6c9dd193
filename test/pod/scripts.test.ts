/**
 * pod/scripts.ts and pod/shell.ts: Tekton's handling of `script` in MakePod
 * (pod.go) and what the kubelet does to the args on the way to bash
 * (DEVIATIONS.md item 8). The text and the arg rewriting are pod_test.go's
 * "step with script" case.
 */
import fc from 'fast-check';
import { fillPlaceScripts, placeScript, placeScriptsStep, placeScriptText, runScriptFile } from '../../src/pod/scripts';
import { escapeForKubelet, kubeletWouldChange, opensUnclosedReference, shellWord } from '../../src/pod/shell';
import { generated, placeScripts, scriptsMount, scriptText, step, TEST_IMAGES, withArgs, withCommand } from '../support/builders';

const SEED = 'default/taskrun-name';

describe('placeScript', () => {
  it('names the file script-<index>-xxxxx under /builder/scripts and a random-looking heredoc delimiter', () => {
    const p = placeScript('echo hello from step one', 0, SEED);
    expect(p.file.startsWith('/builder/scripts/')).toBe(true);
    generated(p.file.slice('/builder/scripts/'.length), 'script-0');
    generated(p.delimiter, 'script-heredoc-randomly-generated');
    expect(p.script).toBe('echo hello from step one');
  });

  it('gives each step its own file and delimiter', () => {
    const a = placeScript('#!/bin/sh', 1, SEED);
    const b = placeScript('#!/bin/sh', 2, SEED);
    expect(a.file).not.toBe(b.file);
    expect(a.delimiter).not.toBe(b.delimiter);
  });

  it('is deterministic', () => {
    expect(placeScript('#!/bin/sh', 1, SEED)).toEqual(placeScript('#!/bin/sh', 1, SEED));
  });

  it('never picks a delimiter that occurs in the script', () => {
    const first = placeScript('#!/bin/sh', 3, SEED).delimiter;
    const p = placeScript(`#!/bin/sh\ncat <<'${first}'\nhi\n${first}\n`, 3, SEED);
    generated(p.delimiter, 'script-heredoc-randomly-generated');
    expect(p.delimiter).not.toBe(first);
    expect(p.script.includes(p.delimiter)).toBe(false);
  });
});

describe('runScriptFile (pod_test "step with script")', () => {
  const file = '/builder/scripts/script-0-abcde';

  it('replaces everything after -entrypoint with the script file, and mounts the scripts volume', () => {
    const s = step('one', 'image', withCommand('entrypointer'), withArgs('wait-file', 'out-file', '-entrypoint', 'image-entrypoint', '--'), (c) => ({
      ...c,
      volumeMounts: [{ name: 'i-have-a-volume-mount' }],
    }));
    expect(runScriptFile(s, file)).toEqual({
      name: 'one',
      image: 'image',
      command: ['entrypointer'],
      args: ['wait-file', 'out-file', '-entrypoint', file],
      volumeMounts: [{ name: 'i-have-a-volume-mount' }, scriptsMount],
    });
  });

  it('drops args that survived entrypoint rewriting', () => {
    const s = step('two', 'image', withArgs('wait-file', 'out-file', '-entrypoint', 'image-entrypoint', '--', 'args', 'somehow'));
    expect(runScriptFile(s, file).args).toEqual(['wait-file', 'out-file', '-entrypoint', file]);
  });

  it('appends the file when there is no -entrypoint', () => {
    expect(runScriptFile(step('s', 'i', withArgs('a')), file).args).toEqual(['a', file]);
    expect(runScriptFile(step('s', 'i'), file).args).toEqual([file]);
  });
});

describe('placeScriptText', () => {
  const p = { file: '/builder/scripts/script-1-6nl7g', delimiter: 'script-heredoc-randomly-generated-j2tds', script: '#!/usr/bin/env python\nprint("Hello from Python")' };

  it("is Tekton's heredoc text (pod_test)", () => {
    expect(placeScriptText(p, [], false)).toBe(
      'tmpfile="/builder/scripts/script-1-6nl7g"\n' +
        'touch ${tmpfile} && chmod +x ${tmpfile}\n' +
        "cat > ${tmpfile} << 'script-heredoc-randomly-generated-j2tds'\n" +
        '#!/usr/bin/env python\nprint("Hello from Python")\n' +
        'script-heredoc-randomly-generated-j2tds\n',
    );
  });

  it.each([
    ['shell variables', 'echo $FOO ${FOO} ${FOO:2:4}'],
    ['a command substitution $(...) of an undefined name', 'echo $(date)'],
    ['a lone $ and an unclosed $(', 'echo $ $('],
  ])('keeps a script the kubelet leaves alone as it is: %s', (_name, body) => {
    const q = { ...p, script: `#!/bin/sh\n${body}` };
    expect(placeScriptText(q, [{ name: 'FOO', value: 'x' }], false)).toBe(scriptText(q.file, q.delimiter, q.script));
  });

  it('doubles every $ of a script with $$ (DEVIATIONS.md item 8)', () => {
    const q = { ...p, script: '#!/bin/sh\necho $$ $FOO' };
    expect(placeScriptText(q, [], false)).toBe(scriptText(q.file, q.delimiter, '#!/bin/sh\necho $$$$ $$FOO'));
  });

  it('doubles every $ of a script with $(NAME) when the container defines NAME', () => {
    const q = { ...p, script: '#!/bin/sh\necho $(HOME) $(date)' };
    expect(placeScriptText(q, [], false)).toBe(scriptText(q.file, q.delimiter, q.script));
    expect(placeScriptText(q, [{ name: 'HOME', value: '/builder/home' }], false)).toBe(scriptText(q.file, q.delimiter, '#!/bin/sh\necho $$(HOME) $$(date)'));
  });

  it('counts every $(NAME) as defined when the container has envFrom', () => {
    const q = { ...p, script: '#!/bin/sh\necho $(date)' };
    expect(placeScriptText(q, [], true)).toBe(scriptText(q.file, q.delimiter, '#!/bin/sh\necho $$(date)'));
  });
});

describe('the place-scripts container', () => {
  it('starts as bash with empty args, the scripts mount and a tty', () => {
    const s = placeScriptsStep(TEST_IMAGES.bashNoop, SEED);
    const name = generated(s.name, 'place-scripts');
    expect(s).toEqual(placeScripts(name, ''));
  });

  it('gets one heredoc per script, in order, judged with its own final env', () => {
    const a = { file: '/builder/scripts/script-0-aaaaa', delimiter: 'script-heredoc-randomly-generated-bbbbb', script: 'echo hello from step one' };
    const b = { file: '/builder/scripts/script-1-ccccc', delimiter: 'script-heredoc-randomly-generated-ddddd', script: 'echo $(LANG)' };
    const c = placeScripts('place-scripts-zzzzz', '');
    expect(fillPlaceScripts(c, [a, b])).toEqual(placeScripts('place-scripts-zzzzz', scriptText(a.file, a.delimiter, a.script) + scriptText(b.file, b.delimiter, b.script)));
    const withLang = { ...c, env: [{ name: 'LANG', value: 'C' }] };
    expect(fillPlaceScripts(withLang, [a, b]).args).toEqual(['-args', scriptText(a.file, a.delimiter, a.script) + scriptText(b.file, b.delimiter, 'echo $$(LANG)')]);
  });

  it('escapes a script with an unclosed $( when other scripts follow it, not when it is the last one (docs/deviations.md)', () => {
    const open = { file: '/builder/scripts/script-0-aaaaa', delimiter: 'script-heredoc-randomly-generated-bbbbb', script: 'echo "$(date"' };
    const plain = { file: '/builder/scripts/script-1-ccccc', delimiter: 'script-heredoc-randomly-generated-ddddd', script: 'echo "done (really)"' };
    const c = placeScripts('place-scripts-zzzzz', '');
    expect(fillPlaceScripts(c, [open, plain]).args).toEqual(['-args', scriptText(open.file, open.delimiter, 'echo "$$(date"') + scriptText(plain.file, plain.delimiter, plain.script)]);
    expect(fillPlaceScripts(c, [plain, open]).args).toEqual(['-args', scriptText(plain.file, plain.delimiter, plain.script) + scriptText(open.file, open.delimiter, open.script)]);
    expect(fillPlaceScripts(c, [open]).args).toEqual(['-args', scriptText(open.file, open.delimiter, open.script)]);
  });
});

describe('shell.ts', () => {
  it('shellWord quotes only what needs it', () => {
    expect(shellWord('/workspace/src')).toBe('/workspace/src');
    expect(shellWord('')).toBe("''");
    expect(shellWord('a b')).toBe("'a b'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('*')).toBe("'*'");
    expect(shellWord('~')).toBe("'~'");
  });

  it.each<[string, string[], boolean, boolean]>([
    ['echo $$', [], false, true],
    ['echo $(date)', [], false, false],
    ['echo $(HOME)', ['HOME'], false, true],
    ['echo $(date)', [], true, true],
    ['echo ${HOME} $HOME', ['HOME'], false, false],
    ['echo $(unclosed', ['unclosed'], false, false],
    ['echo $(a b)', ['a'], false, false],
    ['trailing $', [], false, false],
  ])('kubeletWouldChange(%j, %j, envFrom=%s) is %s', (text, defined, anyDefined, want) => {
    expect(kubeletWouldChange(text, new Set(defined), anyDefined)).toBe(want);
  });

  // The kubelet's expansion (third_party/forked/golang/expansion/expand.go):
  // `$$` is an escaped `$`, `$(NAME)` ends at the first `)`, any other `$x`
  // is left as written and `x` is not looked at again, an unclosed `$(`
  // stays as written.
  it.each<[string, boolean]>([
    ['echo $(date', true],
    ['echo $$(date', false],
    ['echo $(date)', false],
    ['echo $(a) $(b', true],
    ['x$(', true],
    ['echo a) $(b', true],
    ['f(x', false],
    ['echo $x(y', false],
    ['echo $$$(y', true],
    ['trailing $', false],
    ['', false],
  ])('opensUnclosedReference(%j) is %s', (text, want) => {
    expect(opensUnclosedReference(text)).toBe(want);
  });

  it('escapeForKubelet doubles every $', () => {
    expect(escapeForKubelet('echo $$ $(A) ${B} $')).toBe('echo $$$$ $$(A) $${B} $$');
    expect(escapeForKubelet('no dollars')).toBe('no dollars');
  });
});

describe('shellWord matches its regex definition', () => {
  it('quotes exactly the words with a character outside [A-Za-z0-9_@%+=:,./-], and the empty word', () => {
    const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
    const before = (s: string): string => (SAFE_WORD.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 12 }), (s) => shellWord(s) === before(s)));
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => shellWord(s) === before(s)));
  });
});
