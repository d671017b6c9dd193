#!/usr/bin/env python3
"""Writes test/pod/data/go-sort-cases.json to stdout.

Builds the cases (keys drawn from a seeded random.Random, so the same on
every run), has harness/sortfix (Go 1.13's sort algorithms) add each case's
"want", and prints the table test/pod/go-sort.test.ts reads. SORTFIX is the
sortfix binary (default: $SMO_WORK/bin/sortfix, as setup.sh builds it).

    python3 gen_go_sort_cases.py > test/pod/data/go-sort-cases.json
"""
import json, os, random, subprocess, tempfile
WORK = os.environ.get('SMO_WORK') or os.path.join(tempfile.gettempdir(), 'strategic-merge-oracle')
SORTFIX = os.environ.get('SORTFIX') or os.path.join(WORK, 'bin', 'sortfix')
SOURCE = "Go 1.13 src/sort/sort.go (sort.Sort, sort.SliceStable) run on each case's keys with the case's less; see test/pod/go-sort.test.ts"
R = random.Random(1913)
cases = []
def add(sort, less, keys, note=''):
    cases.append({'id': f'{sort}/{less}/{len(keys)}{note}', 'sort': sort, 'less': less, 'keys': keys})
def rnd(n, k): return [R.randrange(k) for _ in range(n)]
# sort.Sort
for n in range(2, 61):
    add('sort', 'le', rnd(n, 2), '/k2')
    add('sort', 'le', rnd(n, 4), '/k4')
    add('sort', 'lt', rnd(n, 3), '/k3')
    add('sort', 'pairs', rnd(n, 5), '/k5')
for n in [64, 81, 100, 128, 200, 300]:
    for k in [2, 5, 20, n]:
        add('sort', 'le', rnd(n, k), f'/k{k}')
    add('sort', 'lt', rnd(n, 7), '/k7')
    add('sort', 'pairs', rnd(n, 9), '/k9')
for n in [13, 14, 20, 27, 40, 41, 42, 64, 100, 257]:
    add('sort', 'true', [0] * n)
for n in [13, 41, 100]:
    add('sort', 'false', rnd(n, 3))
# sorted, reversed and organ-pipe inputs of distinct and repeated keys
for n in [13, 41, 100, 300]:
    add('sort', 'le', list(range(n)), '/asc')
    add('sort', 'le', list(range(n))[::-1], '/desc')
    add('sort', 'le', [min(i, n - 1 - i) for i in range(n)], '/pipe')
    add('sort', 'le', [i % 3 for i in range(n)], '/mod3')
    add('sort', 'lt', [(i * 7) % 5 for i in range(n)], '/mod5')
# sort.Stable
for n in list(range(0, 70)) + [79, 80, 81, 99, 100, 101, 119, 120, 121, 159, 160, 161, 200, 333, 500]:
    add('stable', 'lt', rnd(n, 4), '/k4')
for n in list(range(2, 45, 3)) + [80, 101, 161, 333]:
    add('stable', 'le', rnd(n, 4), '/k4')
    add('stable', 'pairs', rnd(n, 5), '/k5')
    add('stable', 'rank', rnd(n, 8), '/k8')
for n in [20, 21, 40, 41, 60, 61, 100, 161]:
    add('stable', 'true', [0] * n)
    add('stable', 'lt', list(range(n))[::-1], '/desc')
    add('stable', 'lt', [min(i, n - 1 - i) for i in range(n)], '/pipe')
for n in [3, 41, 161]:
    add('stable', 'false', rnd(n, 3))
inp = ''.join(json.dumps(c) + '\n' for c in cases)
out = subprocess.run([SORTFIX], input=inp, capture_output=True, text=True, check=True).stdout
res = [json.loads(l) for l in out.splitlines()]
ids = [c['id'] for c in res]
assert len(set(ids)) == len(ids), [i for i in ids if ids.count(i) > 1][:5]
print('{\n"source": ' + json.dumps(SOURCE) + ',\n"cases": [\n' + ',\n'.join(json.dumps(c, separators=(',', ':')) for c in res) + '\n]\n}')
