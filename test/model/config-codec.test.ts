import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { ConfigFile, DEFAULT_CONFIG, DEFAULT_IMAGES, configFromFile, decodeConfig } from '../../src/model/config';
import { errors, right } from '../helpers/validation';

const KNOWN =
  'entrypoint, nop, git, creds, kubeconfigWriter, bashNoop, gsutil, buildGcsFetcher, pr, imageDigestExporter';

describe('DEFAULT_IMAGES (Tekton v0.8.0 release images)', () => {
  it('names every controller image flag by the v0.8.0 tag', () => {
    const base = 'gcr.io/tekton-releases/github.com/tektoncd/pipeline';
    expect(DEFAULT_IMAGES).toStrictEqual({
      entrypoint: `${base}/cmd/entrypoint:v0.8.0`,
      nop: `${base}/cmd/nop:v0.8.0`,
      git: `${base}/cmd/git-init:v0.8.0`,
      creds: `${base}/cmd/creds-init:v0.8.0`,
      kubeconfigWriter: `${base}/cmd/kubeconfigwriter:v0.8.0`,
      bashNoop: `${base}/cmd/bash:v0.8.0`,
      gsutil: `${base}/cmd/gsutil:v0.8.0`,
      buildGcsFetcher: `${base}/vendor/github.com/googlecloudplatform/cloud-builders/gcs-fetcher/cmd/gcs-fetcher:v0.8.0`,
      pr: `${base}/cmd/pullrequest-init:v0.8.0`,
      imageDigestExporter: `${base}/cmd/imagedigestexporter:v0.8.0`,
    });
    expect(DEFAULT_CONFIG).toStrictEqual({ images: DEFAULT_IMAGES, imageEntrypoints: {} });
  });
});

describe('decodeConfig', () => {
  it('reads null and undefined (an empty config file) as the defaults', () => {
    expect(decodeConfig(null)).toStrictEqual(E.right(DEFAULT_CONFIG));
    expect(decodeConfig(undefined)).toStrictEqual(E.right(DEFAULT_CONFIG));
    // The very same object, not a copy.
    expect(right(decodeConfig(null))).toBe(DEFAULT_CONFIG);
    expect(right(decodeConfig(undefined))).toBe(DEFAULT_CONFIG);
  });

  it('reads an empty document as the defaults', () => {
    expect(right(decodeConfig({}))).toStrictEqual(DEFAULT_CONFIG);
    expect(right(decodeConfig({ images: {}, imageEntrypoints: {} }))).toStrictEqual(DEFAULT_CONFIG);
    expect(right(decodeConfig({ images: null, imageEntrypoints: null }))).toStrictEqual(DEFAULT_CONFIG);
  });

  it('merges the given images over the defaults, keeping the others', () => {
    const config = right(decodeConfig({ images: { nop: 'registry.example.com/nop:v1', gsutil: 'my/gsutil@sha256:abc' } }));
    expect(config.images).toStrictEqual({ ...DEFAULT_IMAGES, nop: 'registry.example.com/nop:v1', gsutil: 'my/gsutil@sha256:abc' });
    expect(config.images.entrypoint).toBe(DEFAULT_IMAGES.entrypoint);
    expect(config.imageEntrypoints).toStrictEqual({});
    // The defaults themselves are left alone.
    expect(DEFAULT_IMAGES.nop).toBe('gcr.io/tekton-releases/github.com/tektoncd/pipeline/cmd/nop:v0.8.0');
  });

  it('can replace every image', () => {
    const all = Object.fromEntries(Object.keys(DEFAULT_IMAGES).map((k) => [k, `mirror.example.com/${k}:v1`]));
    expect(right(decodeConfig({ images: all })).images).toStrictEqual(all);
  });

  it('keeps the image entrypoints in the order given', () => {
    const config = right(decodeConfig({ imageEntrypoints: { 'golang:1.13': ['bash'], ubuntu: ['/bin/bash', '-c'], empty: [] } }));
    expect(config.images).toStrictEqual(DEFAULT_IMAGES);
    expect(config.imageEntrypoints).toStrictEqual({ 'golang:1.13': ['bash'], ubuntu: ['/bin/bash', '-c'], empty: [] });
    expect(Object.keys(config.imageEntrypoints)).toStrictEqual(['golang:1.13', 'ubuntu', 'empty']);
  });

  it('drops unknown top-level keys, as every struct does', () => {
    expect(right(decodeConfig({ imagez: { nop: 'x' }, images: { nop: 'my/nop' } }))).toStrictEqual({
      images: { ...DEFAULT_IMAGES, nop: 'my/nop' },
      imageEntrypoints: {},
    });
  });

  it('rejects a document that is not an object', () => {
    expect(errors(decodeConfig([]))).toStrictEqual([': expected an object (Config)']);
    expect(errors(decodeConfig('images: {}'))).toStrictEqual([': expected an object (Config)']);
    expect(errors(decodeConfig(3))).toStrictEqual([': expected an object (Config)']);
  });

  it('rejects an unknown image key, naming it and the known ones', () => {
    const r = decodeConfig({ images: { nop: 'my/nop', shell: 'bash:5', bash: 'bash:5' } });
    expect(errors(r)).toStrictEqual([
      `images.shell: unknown image key "shell" (known: ${KNOWN})`,
      `images.bash: unknown image key "bash" (known: ${KNOWN})`,
    ]);
    if (E.isLeft(r)) expect(r.left[0]!.value).toBe('bash:5');
  });

  it('rejects an empty or non-string image reference', () => {
    expect(errors(decodeConfig({ images: { nop: '' } }))).toStrictEqual(['images.nop: expected a non-empty image reference']);
    expect(errors(decodeConfig({ images: { git: 5, creds: true, pr: ['x'], gsutil: null } }))).toStrictEqual([
      'images.git: expected a non-empty image reference',
      'images.creds: expected a non-empty image reference',
      'images.pr: expected a non-empty image reference',
      'images.gsutil: expected a non-empty image reference',
    ]);
    const r = decodeConfig({ images: { entrypoint: 'ok', git: 5 } });
    expect(E.isLeft(r)).toBe(true);
    if (E.isLeft(r)) {
      expect(r.left).toHaveLength(1);
      expect(r.left[0]!.value).toBe(5);
    }
  });

  it('reports every bad image together with bad entrypoints', () => {
    expect(errors(decodeConfig({ images: { nop: '', foo: 'x' }, imageEntrypoints: { ubuntu: '/bin/bash', alpine: [1] } }))).toStrictEqual([
      'images.nop: expected a non-empty image reference',
      `images.foo: unknown image key "foo" (known: ${KNOWN})`,
      'imageEntrypoints.ubuntu: (no message)',
      'imageEntrypoints.alpine.0: (no message)',
    ]);
  });

  it('rejects `images:` that is not an object', () => {
    for (const bad of [[], ['nop'], 'my/nop', 5, true]) {
      expect(errors(decodeConfig({ images: bad }))).toStrictEqual(['images: expected an object of image references']);
    }
  });
});

describe('ConfigFile', () => {
  it('decodes the images given, without defaults', () => {
    expect(right(ConfigFile.decode({ images: { nop: 'my/nop' } }))).toStrictEqual({ images: { nop: 'my/nop' } });
    expect(right(ConfigFile.decode({}))).toStrictEqual({});
  });

  it('encodes images then imageEntrypoints, entrypoints sorted as Go sorted map keys', () => {
    const encoded = ConfigFile.encode({ imageEntrypoints: { ubuntu: ['/bin/bash'], alpine: ['/bin/sh'] }, images: { nop: 'n', git: 'g' } });
    expect(Object.keys(encoded)).toStrictEqual(['images', 'imageEntrypoints']);
    expect(Object.keys(encoded.imageEntrypoints!)).toStrictEqual(['alpine', 'ubuntu']);
    expect(encoded.images).toStrictEqual({ nop: 'n', git: 'g' });
  });

  it('is() accepts objects of images and refuses null and scalars', () => {
    const images = ConfigFile.props.images;
    expect(images.is({ nop: 'x' })).toBe(true);
    expect(images.is({})).toBe(true);
    expect(images.is(null)).toBe(false);
    expect(images.is(undefined)).toBe(false);
    expect(images.is('nop')).toBe(false);
    expect(ConfigFile.is({ images: { nop: 'x' } })).toBe(true);
    expect(ConfigFile.is({ images: 'x' })).toBe(false);
  });

  it('the images codec on its own refuses null, scalars and arrays', () => {
    const images = ConfigFile.props.images;
    for (const bad of [null, undefined, 'my/nop', 5, ['my/nop']]) {
      expect(errors(images.decode(bad))).toStrictEqual([': expected an object of image references']);
    }
    expect(images.decode({ nop: 'my/nop' })).toStrictEqual(E.right({ nop: 'my/nop' }));
    expect(images.encode({ nop: 'my/nop' })).toStrictEqual({ nop: 'my/nop' });
  });
});

describe('configFromFile', () => {
  it('fills in what the file left out', () => {
    expect(configFromFile({})).toStrictEqual(DEFAULT_CONFIG);
    expect(configFromFile({ images: { bashNoop: 'busybox' } })).toStrictEqual({
      images: { ...DEFAULT_IMAGES, bashNoop: 'busybox' },
      imageEntrypoints: {},
    });
    const entrypoints = { ubuntu: ['/bin/bash'] };
    const config = configFromFile({ imageEntrypoints: entrypoints });
    expect(config.images).toStrictEqual(DEFAULT_IMAGES);
    expect(config.imageEntrypoints).toBe(entrypoints);
  });
});
