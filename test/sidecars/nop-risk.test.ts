import fc from 'fast-check';
import type { Container } from '../../src/model/core';
import {
  checkSidecar,
  checkSidecars,
  commandEnv,
  expandCommandWord,
  isTektonNopImage,
  knownNopImage,
  nopImageContaining,
  nopRisks,
  nopWarnings,
  resolveProgram,
  TEKTON_NOP_IMAGE,
} from '../../src/sidecars/nop-risk';

const SHELL_NOP = nopImageContaining('registry.example.com/nop:ubi', ['/bin/sh', '/usr/bin/bash']);
const sleeper: Container = { name: 'sleeper', image: 'busybox', command: ['/bin/sh', '-c', 'sleep infinity'] };

describe('the nop-image bug (tektoncd/pipeline#1347)', () => {
  it('a nop image with /bin/sh keeps a `/bin/sh -c "sleep infinity"` sidecar running', () => {
    const c = checkSidecar(sleeper, SHELL_NOP);
    expect(c).toMatchObject({ sidecar: 'sleeper', verdict: 'keeps-running', program: '/bin/sh', resolved: '/bin/sh' });
    expect(c.reason).toContain('/bin/sh -c sleep infinity');
    expect(nopRisks([sleeper], SHELL_NOP)).toHaveLength(1);
  });

  it("Tekton's own nop image (ko's /ko-app/nop on distroless/static) stops it", () => {
    expect(checkSidecar(sleeper, TEKTON_NOP_IMAGE)).toMatchObject({ verdict: 'stops', program: '/bin/sh' });
    expect(TEKTON_NOP_IMAGE.executables).toEqual(['/ko-app/nop']);
  });

  it('only its own binary runs in Tekton\'s nop image', () => {
    expect(checkSidecar({ name: 'x', command: ['/ko-app/nop'] }, TEKTON_NOP_IMAGE).verdict).toBe('keeps-running');
    expect(checkSidecar({ name: 'x', command: ['nop'] }, TEKTON_NOP_IMAGE).verdict).toBe('stops'); // /ko-app is not on PATH
  });

  it('a sidecar without command runs the nop image\'s entrypoint, whatever its own image\'s entrypoint was', () => {
    const dind: Container = { name: 'server', image: 'docker:18.05-dind' };
    const c = checkSidecar(dind, SHELL_NOP, { 'docker:18.05-dind': ['/bin/sh', '-c', 'dockerd-entrypoint.sh'] });
    expect(c.verdict).toBe('stops');
    expect(c.reason).toMatch(/nop image's own entrypoint/);
    expect(c.reason).toContain('is not used once the image is swapped');
    expect(checkSidecar({ name: 'a', args: ['--port', '80'] }, SHELL_NOP).verdict).toBe('stops');
  });

  it('a bare name is looked up along the PATH', () => {
    expect(checkSidecar({ name: 's', command: ['sh', '-c', 'sleep 1d'] }, SHELL_NOP)).toMatchObject({ verdict: 'keeps-running', resolved: '/bin/sh' });
    expect(checkSidecar({ name: 's', command: ['bash'] }, SHELL_NOP)).toMatchObject({ verdict: 'keeps-running', resolved: '/usr/bin/bash' });
    expect(checkSidecar({ name: 's', command: ['sleep', 'infinity'] }, SHELL_NOP).verdict).toBe('stops');
  });

  it("the sidecar's own PATH replaces the image's", () => {
    const nop = nopImageContaining('n', ['/opt/tools/server', '/bin/sh']);
    expect(checkSidecar({ name: 's', command: ['server'] }, nop).verdict).toBe('stops');
    expect(checkSidecar({ name: 's', command: ['server'], env: [{ name: 'PATH', value: '/opt/tools:/bin' }] }, nop).verdict).toBe('keeps-running');
    expect(checkSidecar({ name: 's', command: ['sh'], env: [{ name: 'PATH', value: '/opt/tools' }] }, nop).verdict).toBe('stops');
    expect(checkSidecar({ name: 's', command: ['sh'], env: [{ name: 'PATH', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }] }, nop).verdict).toBe('unknown');
  });

  it('a relative path is resolved against the working directory', () => {
    const nop = nopImageContaining('n', ['/app/run.sh']);
    expect(checkSidecar({ name: 's', command: ['./run.sh'], workingDir: '/app' }, nop).verdict).toBe('keeps-running');
    expect(checkSidecar({ name: 's', command: ['app/run.sh'] }, nop)).toMatchObject({ verdict: 'keeps-running', resolved: '/app/run.sh' });
    expect(checkSidecar({ name: 's', command: ['./run.sh'] }, nop).verdict).toBe('stops');
    expect(checkSidecar({ name: 's', command: ['/app/../app/./run.sh'] }, nop).verdict).toBe('keeps-running');
  });

  it('$(VAR) in the command is expanded as the kubelet does', () => {
    const withEnv = (env: Container['env'], command: string, envFrom?: Container['envFrom']): Container => ({ name: 's', command: [command], env, ...(envFrom ? { envFrom } : {}) });
    expect(checkSidecar(withEnv([{ name: 'SH', value: '/bin/sh' }], '$(SH)'), SHELL_NOP).verdict).toBe('keeps-running');
    expect(checkSidecar(withEnv([], '$(SH)'), SHELL_NOP)).toMatchObject({ verdict: 'stops', program: '$(SH)' });
    expect(checkSidecar(withEnv([{ name: 'SH', valueFrom: { fieldRef: { fieldPath: 'x' } } }], '$(SH)'), SHELL_NOP).verdict).toBe('unknown');
    expect(checkSidecar(withEnv([], '$(SH)', [{ configMapRef: { name: 'm' } }]), SHELL_NOP).verdict).toBe('unknown');
    expect(checkSidecar(withEnv([], '/bin/$$(sh)'), nopImageContaining('n', ['/bin/$(sh)'])).verdict).toBe('keeps-running');
  });

  it('an unknown nop image gives no verdict for a sidecar with a command', () => {
    expect(checkSidecar(sleeper, undefined)).toMatchObject({ verdict: 'unknown', program: '/bin/sh' });
    expect(checkSidecar({ name: 'd' }, undefined).verdict).toBe('stops');
  });

  it('warnings name the sidecar and the fix', () => {
    const ws = nopWarnings(checkSidecars([sleeper, { name: 'quiet' }, { name: 'x', command: ['a'] }], undefined));
    expect(ws).toHaveLength(2);
    expect(nopWarnings(checkSidecars([sleeper], SHELL_NOP))[0]).toMatch(/^sidecar "sleeper" will not stop .*1347.*--sidecars native/);
  });
});

describe('which nop image', () => {
  it.each([
    ['gcr.io/tekton-releases/github.com/tektoncd/pipeline/cmd/nop:v0.8.0', true],
    ['gcr.io/tekton-releases/github.com/tektoncd/pipeline/cmd/nop@sha256:3784d6b8f73043a29d2c1d6196801bee46fe808fbb94ba4fd21ca52dce503183', true],
    ['gcr.io/tekton-releases/github.com/tektoncd/pipeline/cmd/nop', true],
    ['gcr.io/tekton-releases/github.com/tektoncd/pipeline/cmd/nopx:v1', false],
    ['override-with-nop:latest', false],
  ])('%s is Tekton\'s: %s', (ref, yes) => {
    expect(isTektonNopImage(ref)).toBe(yes);
    expect(knownNopImage(ref) !== undefined).toBe(yes);
  });

  it('given contents win', () => {
    expect(knownNopImage('override-with-nop:latest', ['/bin/sh'])?.executables).toEqual(['/bin/sh']);
    expect(knownNopImage(TEKTON_NOP_IMAGE.image, [])?.executables).toEqual(['/ko-app/nop']);
  });
});

describe('resolveProgram and expandCommandWord', () => {
  const segment = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,8}$/).filter((s) => s !== '.' && s !== '..' && !s.startsWith('..'));
  const absPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((xs) => `/${xs.join('/')}`);

  it('an absolute path resolves exactly when the image has it', () => {
    fc.assert(
      fc.property(absPath, fc.array(absPath, { maxLength: 5 }), (p, others) => {
        expect(resolveProgram(p, [], '/', new Set([p, ...others]))).toBe(p);
        expect(resolveProgram(p, ['/usr/bin'], '/', new Set(others.filter((o) => o !== p)))).toBeUndefined();
      }),
    );
  });

  it('a bare name resolves to the first PATH directory that has it', () => {
    fc.assert(
      fc.property(segment, fc.array(absPath, { minLength: 1, maxLength: 4 }), fc.nat(), (name, dirs, pick) => {
        const dir = dirs[pick % dirs.length]!;
        expect(resolveProgram(name, dirs, '/', new Set([`${dir}/${name}`]))).toBe(`${dir}/${name}`);
        expect(resolveProgram(name, dirs, '/', new Set(dirs.map((d) => `${d}/${name}`)))).toBe(`${dirs[0]}/${name}`);
        expect(resolveProgram(name, dirs.filter((d) => d !== dir), '/', new Set([`${dir}/${name}`]))).toBeUndefined();
      }),
    );
  });

  it('text without $ is unchanged by expansion', () => {
    fc.assert(fc.property(fc.string().filter((s) => !s.includes('$')), (s) => expect(expandCommandWord(s, commandEnv({}))).toBe(s)));
  });

  it('expands $$ and defined names, keeps undefined references', () => {
    expect(expandCommandWord('$$(A)-$(A)-$(B)-$', commandEnv({ env: [{ name: 'A', value: 'x' }] }))).toBe('$(A)-x-$(B)-$');
    expect(expandCommandWord('$(A', commandEnv({ env: [{ name: 'A', value: 'x' }] }))).toBe('$(A');
    expect(expandCommandWord('$(A)', commandEnv({ env: [{ name: 'A', value: 'x' }, { name: 'A', value: 'y' }] }))).toBe('y');
  });

  it('an empty command word never resolves', () => {
    expect(resolveProgram('', ['/bin'], '/', new Set(['/bin']))).toBeUndefined();
  });
});
