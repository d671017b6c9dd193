/**
 * pod/credentials.ts: Tekton's makeCredentialInitializer (pod.go) and the
 * credential builders' MatchingAnnotations (credentials/dockercreds,
 * credentials/gitcreds). Cases from dockercreds/creds_test.go and
 * gitcreds/creds_test.go (TestMatchingAnnotations) and pod_test.go
 * ("with-service-account": the multi-creds secret).
 */
import * as E from 'fp-ts/Either';
import type { Secret } from '../../src/model/core';
import { credentialFlags, makeCredentialInitializer } from '../../src/pod/credentials';
import { credsInit, generated, implicitMounts, secret, TEST_IMAGES, withArgs, withMounts } from '../support/builders';

const D = 'tekton.dev/docker-';
const G = 'tekton.dev/git-';

describe('credentialFlags (MatchingAnnotations)', () => {
  it.each<[string, Secret, string[]]>([
    // dockercreds TestMatchingAnnotations
    ['docker: basic-auth', secret('git', 'kubernetes.io/basic-auth', { [`${D}.testkeys`]: 'basickeys' }), ['-basic-docker=git=basickeys']],
    ['docker: ssh-auth gives no docker flag', secret('ssh', 'kubernetes.io/ssh-auth', { [`${D}.testkeys`]: 'keys' }), []],
    [
      'docker: several annotations',
      secret('ssh', 'kubernetes.io/basic-auth', { [`${D}.testkeys1`]: 'keys1', [`${D}.testkeys2`]: 'keys2', [`${D}.testkeys3`]: 'keys3' }),
      ['-basic-docker=ssh=keys1', '-basic-docker=ssh=keys2', '-basic-docker=ssh=keys3'],
    ],
    // gitcreds TestMatchingAnnotations
    ['git: basic-auth', secret('git', 'kubernetes.io/basic-auth', { [`${G}.testkeys`]: 'basickeys' }), ['-basic-git=git=basickeys']],
    ['git: ssh-auth', secret('ssh', 'kubernetes.io/ssh-auth', { [`${G}.testkeys`]: 'keys' }), ['-ssh-git=ssh=keys']],
    [
      'git: ssh-auth, several annotations',
      secret('ssh', 'kubernetes.io/ssh-auth', { [`${G}.testkeys1`]: 'keys1', [`${G}.testkeys2`]: 'keys2', [`${G}.testkeys3`]: 'keys3' }),
      ['-ssh-git=ssh=keys1', '-ssh-git=ssh=keys2', '-ssh-git=ssh=keys3'],
    ],
    // The docker config types need no annotation.
    ['dockerconfigjson', secret('reg', 'kubernetes.io/dockerconfigjson'), ['-docker-config=reg']],
    ['dockercfg', secret('reg', 'kubernetes.io/dockercfg'), ['-docker-cfg=reg']],
    ['dockerconfigjson ignores git annotations', secret('reg', 'kubernetes.io/dockerconfigjson', { [`${G}0`]: 'github.com' }), ['-docker-config=reg']],
    ['Opaque gives nothing', secret('o', 'Opaque', { [`${D}0`]: 'https://docker.io', [`${G}0`]: 'github.com' }), []],
    ['no type gives nothing', { metadata: { name: 'o', annotations: { [`${D}0`]: 'x' } } }, []],
    ['basic-auth without annotations gives nothing', secret('b', 'kubernetes.io/basic-auth'), []],
    // A Secret without metadata: Go reads its name as "" and its annotations as none.
    ['no metadata: dockerconfigjson names the Secret ""', { type: 'kubernetes.io/dockerconfigjson' }, ['-docker-config=']],
    ['no metadata: basic-auth has no annotations to match', { type: 'kubernetes.io/basic-auth' }, []],
    ['annotations must start with the prefix, dash included', secret('b', 'kubernetes.io/basic-auth', { 'tekton.dev/docker': 'x', 'my.tekton.dev/git-0': 'y' }), []],
  ])('%s', (_name, s, flags) => {
    expect(credentialFlags(s)).toEqual(flags);
  });

  it('pod_test multi-creds: docker flags first, each builder sorted by value (not by key)', () => {
    const multi = secret('multi-creds', 'kubernetes.io/basic-auth', {
      [`${D}0`]: 'https://us.gcr.io',
      [`${D}1`]: 'https://docker.io',
      [`${G}0`]: 'github.com',
      [`${G}1`]: 'gitlab.com',
    });
    expect(credentialFlags(multi)).toEqual([
      '-basic-docker=multi-creds=https://docker.io',
      '-basic-docker=multi-creds=https://us.gcr.io',
      '-basic-git=multi-creds=github.com',
      '-basic-git=multi-creds=gitlab.com',
    ]);
  });

  it('sorts values byte-wise, as Go sort.Strings (upper case before lower case)', () => {
    expect(credentialFlags(secret('s', 'kubernetes.io/ssh-auth', { [`${G}a`]: 'b.com', [`${G}b`]: 'B.com', [`${G}c`]: 'a.com' }))).toEqual([
      '-ssh-git=s=B.com',
      '-ssh-git=s=a.com',
      '-ssh-git=s=b.com',
    ]);
  });
});

describe('makeCredentialInitializer', () => {
  const SA = 'ServiceAccount default/builder';
  const secrets = new Map<string, Secret>([
    ['multi-creds', secret('multi-creds', 'kubernetes.io/basic-auth', { [`${D}0`]: 'https://us.gcr.io', [`${D}1`]: 'https://docker.io', [`${G}0`]: 'github.com', [`${G}1`]: 'gitlab.com' })],
    ['regcred', secret('regcred', 'kubernetes.io/dockerconfigjson')],
    ['opaque', secret('opaque', 'Opaque', { [`${D}0`]: 'https://docker.io' })],
    ['ssh', secret('ssh', 'kubernetes.io/ssh-auth', { [`${G}0`]: 'github.com' })],
  ]);
  const find = (n: string) => secrets.get(n);
  const make = (names: string[]) => makeCredentialInitializer(TEST_IMAGES.creds, names, find, 'default/run', SA);

  it('without secrets: creds-init with no args and the implicit mounts (pod_test "simple")', () => {
    const r = make([]);
    if (E.isLeft(r)) throw new Error(r.left.message);
    const name = generated(r.right.step.name, 'step-credential-initializer');
    expect(r.right.step).toEqual(credsInit(name));
    expect(r.right.volumes).toEqual([]);
  });

  it('with the multi-creds secret (pod_test "with-service-account")', () => {
    const r = make(['multi-creds']);
    if (E.isLeft(r)) throw new Error(r.left.message);
    const name = generated(r.right.step.name, 'step-credential-initializer');
    const volume = generated(r.right.volumes[0]?.name, 'secret-volume-multi-creds');
    expect(r.right.step).toEqual(
      credsInit(
        name,
        TEST_IMAGES.creds,
        withArgs(
          '-basic-docker=multi-creds=https://docker.io',
          '-basic-docker=multi-creds=https://us.gcr.io',
          '-basic-git=multi-creds=github.com',
          '-basic-git=multi-creds=gitlab.com',
        ),
        withMounts({ name: volume, mountPath: '/var/build-secrets/multi-creds' }),
      ),
    );
    expect(r.right.volumes).toEqual([{ name: volume, secret: { secretName: 'multi-creds' } }]);
  });

  it('mounts only secrets that gave flags, in the ServiceAccount order', () => {
    const r = make(['ssh', 'opaque', 'regcred']);
    if (E.isLeft(r)) throw new Error(r.left.message);
    const ssh = generated(r.right.volumes[0]?.name, 'secret-volume-ssh');
    const reg = generated(r.right.volumes[1]?.name, 'secret-volume-regcred');
    expect(r.right.step.args).toEqual(['-ssh-git=ssh=github.com', '-docker-config=regcred']);
    expect(r.right.step.volumeMounts).toEqual([
      ...implicitMounts,
      { name: ssh, mountPath: '/var/build-secrets/ssh' },
      { name: reg, mountPath: '/var/build-secrets/regcred' },
    ]);
    expect(r.right.volumes).toEqual([
      { name: ssh, secret: { secretName: 'ssh' } },
      { name: reg, secret: { secretName: 'regcred' } },
    ]);
  });

  it('a secret listed twice gets two volumes with distinct names, as Tekton drew two suffixes', () => {
    const r = make(['regcred', 'regcred']);
    if (E.isLeft(r)) throw new Error(r.left.message);
    const [a, b] = r.right.volumes.map((v) => generated(v.name, 'secret-volume-regcred'));
    expect(a).not.toBe(b);
    expect(r.right.step.args).toEqual(['-docker-config=regcred', '-docker-config=regcred']);
  });

  it('is deterministic', () => {
    expect(make(['multi-creds', 'ssh'])).toEqual(make(['multi-creds', 'ssh']));
  });

  it('refuses a secret that is not in the input, naming the ServiceAccount and the entry', () => {
    expect(make(['ssh', 'missing'])).toEqual(
      E.left({ _tag: 'Unresolved', object: SA, field: 'secrets[1].name', message: expect.stringContaining('"missing"') }),
    );
  });
});
