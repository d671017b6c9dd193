/**
 * pod/entrypoint.ts: Tekton's entrypoint rewriting
 * (reconciler/taskrun/entrypoint/entrypoint.go and createRedirectedTaskSpec
 * in taskrun.go). Cases from entrypoint_test.go (TestGetArgs,
 * TestRewriteSteps).
 */
import * as E from 'fp-ts/Either';
import { entrypointArgs, redirectStep, redirectTaskSpec, stepCommand, waitFile } from '../../src/pod/entrypoint';
import { downwardMount, downwardVolume, step, toolsMount, toolsVolume, withArgs, withCommand, withScript } from '../support/builders';

describe('waitFile', () => {
  it('is the ready file for the first step, else the previous step post file', () => {
    expect(waitFile(0)).toBe('/builder/downward/ready');
    expect(waitFile(1)).toBe('/builder/tools/0');
    expect(waitFile(12)).toBe('/builder/tools/11');
  });
});

describe('entrypointArgs (TestGetArgs)', () => {
  it('args for first step', () => {
    expect(entrypointArgs(0, ['echo'], ['hello', 'world'])).toEqual([
      '-wait_file',
      '/builder/downward/ready',
      '-post_file',
      '/builder/tools/0',
      '-wait_file_content',
      '-entrypoint',
      'echo',
      '--',
      'hello',
      'world',
    ]);
  });

  it('multiple commands: the rest of the command goes after "--"', () => {
    expect(entrypointArgs(4, ['echo', 'hello'], ['world'])).toEqual(['-wait_file', '/builder/tools/3', '-post_file', '/builder/tools/4', '-entrypoint', 'echo', '--', 'hello', 'world']);
  });

  it('no args', () => {
    expect(entrypointArgs(4, ['ls'], [])).toEqual(['-wait_file', '/builder/tools/3', '-post_file', '/builder/tools/4', '-entrypoint', 'ls', '--']);
  });

  it('no command (a script step): "-entrypoint" directly followed by "--"', () => {
    expect(entrypointArgs(1, [], [])).toEqual(['-wait_file', '/builder/tools/0', '-post_file', '/builder/tools/1', '-entrypoint', '--']);
  });
});

describe('stepCommand', () => {
  const table = { ubuntu: ['/bin/bash'], 'gcr.io/foo/bar@sha256:abc': ['/ko-app/bar', '-v'] };
  const at = (s: Parameters<typeof stepCommand>[0], image = s.image ?? '', i = 0) => stepCommand(s, () => i, () => image, table, 'Task default/t', 'spec.steps');

  it('is the step own command when it has one', () => {
    expect(at(step('s', 'unknown-image', withCommand('/mycmd', 'x')))).toEqual(E.right(['/mycmd', 'x']));
  });

  it('is empty for a script step, which needs no lookup', () => {
    expect(at(step('s', 'unknown-image', withScript('#!/bin/sh')))).toEqual(E.right([]));
  });

  it('is the image entrypoint from the table otherwise', () => {
    expect(at(step('s', 'ubuntu'))).toEqual(E.right(['/bin/bash']));
    expect(at(step('s', 'gcr.io/foo/bar@sha256:abc'))).toEqual(E.right(['/ko-app/bar', '-v']));
  });

  it('looks up the image it is given (after substitution), not the one written', () => {
    expect(at(step('s', '$(inputs.params.img)'), 'ubuntu')).toEqual(E.right(['/bin/bash']));
  });

  it('an empty command counts as none', () => {
    expect(at({ name: 's', image: 'ubuntu', command: [] })).toEqual(E.right(['/bin/bash']));
  });

  it('refuses an unknown image, naming the object, the step image field, the step and the image', () => {
    const r = at(step('build', 'golang:1.13'), 'golang:1.13', 2);
    expect(r).toEqual(
      E.left({
        _tag: 'Unresolved',
        object: 'Task default/t',
        field: 'spec.steps[2].image',
        message: expect.stringMatching(/step "build".*"golang:1\.13".*imageEntrypoints/),
      }),
    );
  });

  it('names an unnamed step by its index', () => {
    const r = at({ image: 'nope' }, 'nope', 3);
    expect(E.isLeft(r) && r.left.message).toMatch(/^step 3 /);
  });

  it('an empty name and an empty script count as none, as Go\'s "" does', () => {
    const r = at({ name: '', image: 'nope', script: '' }, 'nope', 3);
    expect(r).toEqual(
      E.left({
        _tag: 'Unresolved',
        object: 'Task default/t',
        field: 'spec.steps[3].image',
        message: expect.stringMatching(/^step 3 .*"nope"/),
      }),
    );
    expect(at(step('s', 'ubuntu', withScript('')))).toEqual(E.right(['/bin/bash']));
  });

  it('does not find keys of Object.prototype', () => {
    expect(E.isLeft(at(step('s', 'constructor')))).toBe(true);
    expect(E.isLeft(at(step('s', '__proto__')))).toBe(true);
  });
});

describe('redirectStep (RedirectStep)', () => {
  it('runs the entrypoint binary and mounts tools and, on the first step, downward', () => {
    const s = step('a', 'img', withArgs('x'), (c) => ({ ...c, volumeMounts: [{ name: 'mine', mountPath: '/mine' }] }));
    expect(redirectStep(s, 0, ['/cmd'])).toEqual({
      name: 'a',
      image: 'img',
      command: ['/builder/tools/entrypoint'],
      args: ['-wait_file', '/builder/downward/ready', '-post_file', '/builder/tools/0', '-wait_file_content', '-entrypoint', '/cmd', '--', 'x'],
      volumeMounts: [{ name: 'mine', mountPath: '/mine' }, toolsMount, downwardMount],
    });
  });

  it('mounts only tools on later steps; a step without args gets none after "--"', () => {
    expect(redirectStep(step('b', 'img'), 1, ['/cmd'])).toEqual({
      name: 'b',
      image: 'img',
      command: ['/builder/tools/entrypoint'],
      args: ['-wait_file', '/builder/tools/0', '-post_file', '/builder/tools/1', '-entrypoint', '/cmd', '--'],
      volumeMounts: [toolsMount],
    });
  });
});

describe('redirectTaskSpec (createRedirectedTaskSpec, TestRewriteSteps)', () => {
  const spec = {
    volumes: [{ name: 'mine', emptyDir: {} }],
    steps: [
      { image: 'image', command: ['abcd'] },
      { image: 'my.registry.svc/image:tag', command: ['abcd'], args: ['efgh'] },
    ],
  };
  // Computed inside each test, not when the file loads: Stryker activates a
  // mutant only while a test runs.
  const redirected = () => redirectTaskSpec(spec, [['abcd'], ['abcd']], 'override-with-entrypoint:latest');
  const placeTools = {
    name: 'place-tools',
    image: 'override-with-entrypoint:latest',
    command: ['cp', '/ko-app/entrypoint', '/builder/tools/entrypoint'],
    volumeMounts: [toolsMount],
  };

  it('puts the place-tools step first', () => {
    expect(redirected().steps?.[0]).toEqual(placeTools);
  });

  it('rewrites every step to the entrypoint binary with the tools mount', () => {
    const out = redirected();
    for (const s of out.steps?.slice(1) ?? []) {
      expect(s.command).toEqual(['/builder/tools/entrypoint']);
      expect(s.volumeMounts).toContainEqual(toolsMount);
    }
    expect(out.steps?.[1]?.args).toEqual(['-wait_file', '/builder/downward/ready', '-post_file', '/builder/tools/0', '-wait_file_content', '-entrypoint', 'abcd', '--']);
    expect(out.steps?.[2]?.args).toEqual(['-wait_file', '/builder/tools/0', '-post_file', '/builder/tools/1', '-entrypoint', 'abcd', '--', 'efgh']);
  });

  it('appends the tools and downward volumes after the Task ones', () => {
    expect(redirected().volumes).toEqual([{ name: 'mine', emptyDir: {} }, toolsVolume, downwardVolume]);
  });

  it('a TaskSpec without steps gets the place-tools step alone (AddCopyStep prepends it)', () => {
    expect(redirectTaskSpec({}, [], 'override-with-entrypoint:latest')).toEqual({ steps: [placeTools], volumes: [toolsVolume, downwardVolume] });
  });
});
