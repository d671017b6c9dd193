/**
 * status/resource-results.ts: termination messages read as Go 1.13's
 * encoding/json read them into []PipelineResourceResult. The first cases
 * are Tekton's (TestUpdateTaskRunStatus_withValidJson and _withInvalidJson,
 * pkg/reconciler/taskrun/taskrun_test.go at 6c132b937e; the exporter's
 * output format from cmd/imagedigestexporter/main.go); the rest are
 * encoding/json's rules.
 */
import fc from 'fast-check';
import type { Pod } from '../../src/model/core';
import { parseResourceResults, resourceResultsFromPod } from '../../src/status/resource-results';
import { checkProperty } from '../helpers/runs';

const result = (fields: { name?: string; digest?: string; key?: string; value?: string; resourceRef?: { name?: string; apiVersion?: string } }) => ({
  name: '',
  digest: '',
  key: '',
  value: '',
  resourceRef: {},
  ...fields,
});

describe('Tekton\'s cases', () => {
  it('an image digest', () => {
    expect(parseResourceResults('[{"name":"source-image","digest":"sha256:1234"}]')).toEqual({ ok: true, results: [result({ name: 'source-image', digest: 'sha256:1234' })] });
  });

  it('log lines before the JSON: not a list', () => {
    const r = parseResourceResults('extralogscamehere[{"name":"source-image","digest":"sha256:1234"}]');
    expect(r.ok).toBe(false);
  });

  it('what the v0.8 exporter writes: the old name/digest and the new key/value form', () => {
    const text =
      '[{"name":"app","digest":"sha256:eed29","key":"","value":"","resourceRef":{}},{"name":"","digest":"","key":"digest","value":"sha256:eed29","resourceRef":{"name":"app"}}]';
    expect(parseResourceResults(text)).toEqual({
      ok: true,
      results: [result({ name: 'app', digest: 'sha256:eed29' }), result({ key: 'digest', value: 'sha256:eed29', resourceRef: { name: 'app' } })],
    });
  });
});

describe('encoding/json\'s rules', () => {
  const ok = (text: string) => {
    const r = parseResourceResults(text);
    if (!r.ok) throw new Error(`expected results for ${text}: ${r.reason}`);
    return r.results;
  };
  const bad = (text: string): string => {
    const r = parseResourceResults(text);
    if (r.ok) throw new Error(`expected a failure for ${text}`);
    return r.reason;
  };

  it('null and [] are no results; whitespace around is fine', () => {
    expect(ok('null')).toEqual([]);
    expect(ok(' \n[ ]\t\r')).toEqual([]);
  });

  it('a null element is an empty result, a null field stays empty', () => {
    expect(ok('[null,{"name":null,"resourceRef":null}]')).toEqual([result({}), result({})]);
  });

  it('keys match exactly, else ignoring ASCII case, with ſ for s and the Kelvin sign for k', () => {
    expect(ok('[{"NAME":"a","Digest":"d","KEY":"k","vAlUe":"v","RESOURCEREF":{"Name":"r","APIVERSION":"v1"}}]')).toEqual([
      result({ name: 'a', digest: 'd', key: 'k', value: 'v', resourceRef: { name: 'r', apiVersion: 'v1' } }),
    ]);
    expect(ok('[{"dige\u017ft":"d","\u212aey":"k"}]')).toEqual([result({ digest: 'd', key: 'k' })]);
    expect(ok('[{"n\u0430me":"cyrillic a","na me":"x"}]')).toEqual([result({})]);
  });

  it('unknown keys are ignored, whatever their value', () => {
    expect(ok('[{"name":"a","extra":{"deep":[1,2,{"x":[true,false,null]}]},"n":-1.5e+3}]')).toEqual([result({ name: 'a' })]);
  });

  it('a key given twice keeps its last value; a repeated resourceRef fills the first', () => {
    expect(ok('[{"name":"a","NAME":"b","name":"c"}]')).toEqual([result({ name: 'c' })]);
    expect(ok('[{"resourceRef":{"name":"r"},"resourceRef":{"apiVersion":"v"}}]')).toEqual([result({ resourceRef: { name: 'r', apiVersion: 'v' } })]);
  });

  it('escapes are decoded; a surrogate escape that is not half of a pair reads as U+FFFD', () => {
    expect(ok('[{"name":"\\u00e9\\n\\/\\"\\ud83d\\ude00","digest":"\\ud800x","key":"\\udc00\\ud800\\u0041"}]')).toEqual([
      result({ name: 'é\n/"😀', digest: '\ufffdx', key: '\ufffd\ufffdA' }),
    ]);
  });

  it('a value of the wrong type anywhere fails the whole message', () => {
    expect(bad('[{"name":"a"},{"digest":5}]')).toBe('[1].digest: expected a string, got a number');
    expect(bad('[{"resourceRef":"app"}]')).toBe('[0].resourceRef: expected an object, got a string');
    expect(bad('[{"resourceRef":{"name":true}}]')).toBe('[0].resourceRef.name: expected a string, got a boolean');
    expect(bad('["sha256:1234"]')).toBe('[0]: expected an object, got a string');
    expect(bad('{"name":"a","digest":"b"}')).toBe('the message: expected a list, got an object');
    expect(bad('"text"')).toBe('the message: expected a list, got a string');
  });

  it('text that is not JSON fails, saying where', () => {
    expect(bad('')).toMatch(/^invalid JSON at offset 0: expected a value, found end of input$/);
    expect(bad('[{"name":"a"}] trailing')).toMatch(/^invalid JSON at offset 15: expected the end of the message/);
    expect(bad('[{"name":"a",}]')).toMatch(/^invalid JSON at offset 13/);
    expect(bad('[{"name":"a\tb"}]')).toMatch(/control character in string/);
    expect(bad('[01]')).toMatch(/^invalid JSON at offset 2/);
    expect(bad('[{"x":[1,2}]')).toMatch(/expected a comma or \]/);
    expect(bad('[{"name":"\\x"}]')).toMatch(/invalid escape/);
    expect(bad('[{"name":"\\u12"}]')).toMatch(/four hex digits/);
  });

  it('a syntax error wins over a type error found before it', () => {
    expect(bad('[{"digest":5}')).toMatch(/^invalid JSON/);
  });

  it('deep nesting in an ignored field neither fails nor overflows the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(ok(`[{"name":"a","x":${deep}}]`)).toEqual([result({ name: 'a' })]);
  });

  // Protects: any text at all gives results or a reason, never an exception,
  // and valid JSON of the exporter's shape comes back as written.
  it('never throws, and reads back what JSON.stringify wrote', () => {
    checkProperty('resource results: total', 300, fc.property(fc.string({ unit: 'binary' }), (text) => {
      const r = parseResourceResults(text);
      expect(typeof r.ok).toBe('boolean');
    }));
    const field = fc.string({ unit: 'binary' });
    const entry = fc.record({ name: field, digest: field, key: field, value: field, resourceRef: fc.record({ name: field, apiVersion: field }, { requiredKeys: [] }) });
    checkProperty('resource results: round trip', 200, fc.property(fc.array(entry, { maxLength: 4 }), (entries) => {
      const r = parseResourceResults(JSON.stringify(entries));
      const tidy = entries.map((e) => ({
        ...e,
        name: e.name.replace(/[\ud800-\udfff]/gu, '\ufffd'),
        digest: e.digest.replace(/[\ud800-\udfff]/gu, '\ufffd'),
        key: e.key.replace(/[\ud800-\udfff]/gu, '\ufffd'),
        value: e.value.replace(/[\ud800-\udfff]/gu, '\ufffd'),
        resourceRef: Object.fromEntries(
          Object.entries(e.resourceRef)
            .filter(([, v]) => v !== '')
            .map(([k, v]) => [k, v.replace(/[\ud800-\udfff]/gu, '\ufffd')]),
        ),
      }));
      expect(r).toEqual({ ok: true, results: tidy });
    }));
  });
});

describe('resourceResultsFromPod', () => {
  const pod = (messages: readonly (string | undefined)[]): Pod => ({
    metadata: { name: 'p', namespace: 'ns' },
    status: {
      containerStatuses: messages.map((m, i) => ({
        name: i === 0 ? 'sidecar' : `step-${i}`,
        state: m === undefined ? { running: {} } : { terminated: { exitCode: 0, ...(m === '' ? {} : { message: m }) } },
      })),
    },
  });

  it('reads every terminated container with a message, sidecars too, in the kubelet\'s order', () => {
    const r = resourceResultsFromPod(pod(['[{"name":"from-sidecar"}]', undefined, '', '[{"name":"from-step"}]']));
    expect(r.results.map((x) => x.name)).toEqual(['from-sidecar', 'from-step']);
    expect(r.warnings).toEqual([]);
  });

  it('warns about each message it ignores, naming the container and field', () => {
    const r = resourceResultsFromPod(pod(['[{"name":"ok"}]', 'Error: no index.json', '[{"name":"after"}]']));
    expect(r.results.map((x) => x.name)).toEqual(['ok', 'after']);
    expect(r.warnings).toEqual([
      {
        object: 'Pod ns/p',
        field: 'status.containerStatuses[1].state.terminated.message',
        message: 'the termination message of container "step-1" is not a list of resource results (invalid JSON at offset 0: expected a value, found character "E"); ignored, as Tekton ignored it',
      },
    ]);
  });
});
