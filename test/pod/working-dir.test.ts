/**
 * pod/working-dir.ts: Tekton's makeWorkingDirScript and
 * makeWorkingDirInitializer (pod.go). Cases from pod_test.go
 * (TestMakeWorkingDirScript, "working-dir-in-workspace-dir").
 */
import fc from 'fast-check';
import { cleanPath, relPath, sortGoStrings } from '../../src/util';
import { makeWorkingDirInitializer, mkdirScript, workingDirsToCreate } from '../../src/pod/working-dir';
import { generated, step, TEST_IMAGES, withWorkingDir, workingDirInit } from '../support/builders';

const script = (dirs: (string | undefined)[]) => mkdirScript(workingDirsToCreate(dirs));

describe('the mkdir script (TestMakeWorkingDirScript)', () => {
  it('default: /workspace itself needs nothing', () => {
    expect(script(['/workspace'])).toBe('');
  });

  it('simple: dirs under /workspace, sorted; others left out', () => {
    expect(script(['/workspace/foo', '/workspace/bar', '/baz'])).toBe('mkdir -p /workspace/bar /workspace/foo');
  });

  it('empty: "", /baz and /workspacedir are not under /workspace', () => {
    expect(script(['/workspace', '', '/baz', '/workspacedir'])).toBe('');
  });

  it('no working dirs at all', () => {
    expect(script([undefined, undefined])).toBe('');
  });

  it('each distinct dir once', () => {
    expect(script(['/workspace/a', '/workspace/a', undefined])).toBe('mkdir -p /workspace/a');
  });

  it('sorts the dirs as written, then cleans them (Go order)', () => {
    // "/workspace/a/../z" sorts before "/workspace/b" but cleans to "/workspace/z".
    expect(script(['/workspace/b', '/workspace/a/../z'])).toBe('mkdir -p /workspace/z /workspace/b');
  });

  it('keeps two spellings of one dir twice, as Tekton did', () => {
    expect(script(['/workspace/a/', '/workspace/a'])).toBe('mkdir -p /workspace/a /workspace/a');
  });

  it('sorts byte-wise: upper case first', () => {
    expect(script(['/workspace/b', '/workspace/B', '/workspace/a'])).toBe('mkdir -p /workspace/B /workspace/a /workspace/b');
  });

  it('leaves out relative dirs, dirs that climb out, and dirs whose relative path starts with "."', () => {
    expect(script(['src', '/workspace/../tmp', '/workspace/.cache', '/workspace/./x'])).toBe('mkdir -p /workspace/x');
  });

  it('quotes a path bash would split or expand (Tekton did not; docs/deviations.md)', () => {
    expect(script(['/workspace/my dir'])).toBe("mkdir -p '/workspace/my dir'");
    expect(script(["/workspace/it's"])).toBe("mkdir -p '/workspace/it'\\''s'");
    expect(script(['/workspace/$HOME'])).toBe("mkdir -p '/workspace/$HOME'");
    expect(script(['/workspace/a;b'])).toBe("mkdir -p '/workspace/a;b'");
  });

  it('leaves ordinary paths unquoted, byte for byte as Tekton wrote them', () => {
    expect(script(['/workspace/src/github.com/x_y-z/v1.2@tag+b,c=d:e%f'])).toBe('mkdir -p /workspace/src/github.com/x_y-z/v1.2@tag+b,c=d:e%f');
  });
});

describe('makeWorkingDirInitializer', () => {
  it('is absent when no step works under /workspace', () => {
    expect(makeWorkingDirInitializer(TEST_IMAGES.bashNoop, [step('a', 'i'), step('b', 'i', withWorkingDir('/tmp'))], 'default/run')).toBeUndefined();
  });

  it('working-dir-in-workspace-dir: one bash init container', () => {
    const s = makeWorkingDirInitializer(TEST_IMAGES.bashNoop, [step('name', 'image', withWorkingDir('/workspace/test'))], 'default/run');
    const name = generated(s?.name, 'step-working-dir-initializer');
    expect(s).toEqual(workingDirInit(name, 'mkdir -p /workspace/test'));
  });

  it('reads the working dirs of every step', () => {
    const s = makeWorkingDirInitializer(
      'bash',
      [step('a', 'i', withWorkingDir('/workspace/two')), step('b', 'i'), step('c', 'i', withWorkingDir('/workspace/one'))],
      'default/run',
    );
    expect(s?.args).toEqual(['-args', 'mkdir -p /workspace/one /workspace/two']);
    expect(s?.image).toBe('bash');
  });
});

describe('workingDirsToCreate against its first definition', () => {
  // The definition before the insertion shortcut: a Set, sorted, each kept when relative to /workspace without a leading dot.
  const reference = (dirs: readonly (string | undefined)[]): string[] => {
    const distinct = new Set<string>();
    for (const d of dirs) if (d !== undefined && d !== '') distinct.add(d);
    return sortGoStrings(distinct).flatMap((d) => {
      const p = cleanPath(d);
      const rel = relPath('/workspace', p);
      return rel !== undefined && !rel.startsWith('.') ? [p] : [];
    });
  };
  const part = fc.constantFrom('workspace', 'src', '.', '..', '.git', '', 'a', 'b', '\uD800', '\uD801', 'é');
  const dir = fc.option(fc.array(part, { maxLength: 4 }).map((xs) => (xs[0] === 'a' ? xs.join('/') : `/${xs.join('/')}`)), { nil: undefined });

  it('gives the same directories, in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(dir, fc.constantFrom('/workspace/src', 'rel/x', '/workspace/.x', '')), { maxLength: 24 }), (dirs) => {
        expect(workingDirsToCreate(dirs)).toEqual(reference(dirs));
      }),
      { numRuns: 2000 },
    );
  });
});
