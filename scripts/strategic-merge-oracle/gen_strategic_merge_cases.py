#!/usr/bin/env python3
"""Writes test/pod/data/strategic-merge-cases.json to stdout.

    python3 gen_strategic_merge_cases.py > test/pod/data/strategic-merge-cases.json

Run from anywhere after setup.sh; needs python3, node, and the repository's
node_modules (esbuild). SMO_WORK is setup.sh's work directory (binaries in
$SMO_WORK/bin; the intermediate files are left there too). The cases, in
the table's order:

1. apimachinery's own test tables (patch_test.go at kubernetes-1.12.9),
   dumped by harness/amdump, ids "apimachinery ...". Cases that mention
   retainKeys are dropped (the port has no retainKeys strategy), bar the
   first two;
2. the cases of gen_own_cases.py;
3. RANDOM_PICKED: 17 cases of fuzz_cases.py (seeds 1 and 2), ids
   "random three|apply #n (seed-index)".

harness/smfix runs each through apimachinery's strategicpatch (with Go
1.13's sort) 41 times and records Go's answers. port_answers.ts (the port,
bundled with esbuild) then answers the same cases: a case goes to
"excluded", with its reason, when Go panicked, when Go's answer depends on
its map order, or when the port's answer differs for a known reason (a list
of scalars merged, Go's %!s(...), the $patch: delete ordering deviation,
$retainKeys); a difference with no known reason is reported on stderr as
DIFFERS and excluded too. The table's expected values are always Go's.
"""
import json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
WORK = os.environ.get('SMO_WORK') or os.path.join(tempfile.gettempdir(), 'strategic-merge-oracle')
BIN = os.path.join(WORK, 'bin')
ESBUILD = os.environ.get('ESBUILD') or os.path.join(REPO, 'node_modules', '.bin', 'esbuild')
SOURCE = 'apimachinery strategicpatch at kubernetes-1.12.9 (Tekton 6c132b937e vendor) with Go 1.13 sort; see test/pod/strategic-merge.test.ts'

# The random cases kept, in the table's order: picked from the 26000 cases of
# `fuzz_cases.py 1 6000` and `fuzz_cases.py 2 20000` where Go's answer was
# stable and the port's equal to it, as the ones that told apart mutants of
# src/pod/strategic-merge.ts that no other case did (a Stryker run; the
# selection is not redone here, only its result kept).
RANDOM_PICKED = ["fuzz three 2-2875", "fuzz apply 1-3431", "fuzz three 2-8701", "fuzz three 2-9979", "fuzz apply 2-6362", "fuzz three 1-3161", "fuzz apply 2-88", "fuzz apply 2-11635", "fuzz three 2-9210", "fuzz apply 2-6245", "fuzz three 2-8167", "fuzz apply 2-6461", "fuzz apply 2-19574", "fuzz three 2-13481", "fuzz three 2-14947", "fuzz apply 2-16468", "fuzz apply 2-17750"]
FUZZ_RUNS = [(1, 6000), (2, 20000)]


def run(args, input_text):
    return subprocess.run(args, input=input_text, capture_output=True, text=True, check=True).stdout


def save(name, text):
    with open(os.path.join(WORK, name), 'w') as f:
        f.write(text)
    return text


def lines(text):
    return [json.loads(l) for l in text.splitlines() if l]


def smfix(name, cases_text):
    save(name + '-in.jsonl', cases_text)
    return lines(save(name + '-out.jsonl', run([os.path.join(BIN, 'smfix')], cases_text)))


# 1.-3.: the cases with Go's answers
am = smfix('apimachinery', run([os.path.join(BIN, 'amdump')], ''))
gen = smfix('own', run([sys.executable, os.path.join(HERE, 'gen_own_cases.py')], ''))
fuzz_in = {}
for seed, n in FUZZ_RUNS:
    for c in lines(run([sys.executable, os.path.join(HERE, 'fuzz_cases.py'), str(seed), str(n)], '')):
        fuzz_in[c['id']] = c
fuzz = {c['id']: c for c in smfix('random', ''.join(json.dumps(fuzz_in[i]) + '\n' for i in RANDOM_PICKED))}


def mentions_retain(c):
    return 'retainKeys' in json.dumps({k: c.get(k) for k in ('original', 'modified', 'current', 'patch')})


keep, excluded = [], []
retain_kept = 0
for c in am:
    c['id'] = 'apimachinery ' + c['id']
    if mentions_retain(c):
        if retain_kept < 2:
            retain_kept += 1
            keep.append(c)
        continue
    keep.append(c)
for c in gen:
    keep.append(c)
for n, i in enumerate(RANDOM_PICKED):
    c = fuzz[i]
    assert not c.get('panic') and not c.get('unstable'), i
    c['id'] = f'random {c["op"]} #{n + 1} ({i.split()[-1]})'
    keep.append(c)

# the port's answers, to sort out the categories left out (see the test file's header)
bundle = os.path.join(WORK, 'port-answers.js')
subprocess.run([ESBUILD, os.path.join(HERE, 'port_answers.ts'), '--bundle', '--platform=node', f'--outfile={bundle}', '--log-level=error'], check=True)
SCALAR = 'merging lists of scalars with a merge strategy is not part of this port'
PRIM = 'invalid patch format of primitive list'
ts = {}
for r in lines(run(['node', bundle], ''.join(json.dumps(c) + '\n' for c in keep))):
    ts[r['id']] = r['got']
final = []
for c in keep:
    got = ts[c['id']]
    want = {k: c[k] for k in ('wantPatch', 'wantPatchErr', 'want', 'wantErr') if k in c}
    if c.get('panic'):
        excluded.append({'id': c['id'], 'reason': 'Go panics: ' + c['panic']}); continue
    if c.get('unstable'):
        excluded.append({'id': c['id'], 'reason': "Go's result depends on its map order"}); continue
    if json.dumps(got, sort_keys=True) != json.dumps(want, sort_keys=True):
        msg = got.get('wantPatchErr') or got.get('wantErr') or ''
        if msg.startswith(SCALAR) or msg == PRIM:
            excluded.append({'id': c['id'], 'reason': 'merges a list of scalars (not ported)'}); continue
        if '%!s(' in (c.get('wantErr') or c.get('wantPatchErr') or ''):
            excluded.append({'id': c['id'], 'reason': "Go prints a nil or a non-string with %s here (%!s(...)); the port prints the value"}); continue
        if c['id'].startswith('apimachinery raw 1') and '$patch' in json.dumps(c.get('wantPatch') or c.get('patch')):
            excluded.append({'id': c['id'], 'reason': "a port deviation: with a $patch: delete item and a $setElementOrder list, Go orders server-only items by the original list after deleteMatchingEntries has shifted its items in place (shared backing array); the port orders by the list as it was"}); continue
        if '$retainKeys' in json.dumps(c.get('wantPatch')):
            excluded.append({'id': c['id'], 'reason': 'Go adds $retainKeys (retainKeys strategy, not ported)'}); continue
        excluded.append({'id': c['id'], 'reason': 'DIFFERS'}); continue
    final.append(c)
for c in final:
    for k in ('schema', 'unstable', 'panic'):
        c.pop(k, None)
print(len(final), 'kept;', len(excluded), 'excluded', file=sys.stderr)
for e in excluded:
    if e['reason'] == 'DIFFERS':
        print('DIFFERS', e['id'], file=sys.stderr)
sys.stdout.reconfigure(encoding='utf-8')
sys.stdout.write('{\n"source": ' + json.dumps(SOURCE) + ',\n')
sys.stdout.write('"excluded": [\n' + ',\n'.join(json.dumps(e) for e in excluded) + '\n],\n')
sys.stdout.write('"cases": [\n' + ',\n'.join(json.dumps(c, ensure_ascii=False, separators=(',', ':')) for c in final) + '\n]\n}\n')
