#!/usr/bin/env python3
"""Extract apimachinery's strategic merge patch test tables as Go source.

Reads k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go at tag
kubernetes-1.12.9 (stdin or the path given) and prints harness/amdump's
data.go (package main) to stdout: the test-case types (SortMergeListTestCases
through StrategicMergePatchRawTestCaseData, copied as one block with the
comments between them) and the five tables amdump walks, each copied
verbatim from its `var` line to its closing line, without the comments
above it.

    git -C "$APIMACHINERY" show kubernetes-1.12.9:pkg/util/strategicpatch/patch_test.go \
      | python3 extract_apimachinery_tables.py > harness/amdump/data.go
"""
import sys

TABLES = [
    'customStrategicMergePatchTestCaseData',  # YAML in a []byte(`...`)
    'customStrategicMergePatchRawTestCases',  # []StrategicMergePatchRawTestCase{...}
    'createStrategicMergePatchTestCaseData',
    'strategicMergePatchRawTestCases',
    'replaceRawExtensionPatchTestCases',
]


def start(lines, prefix):
    found = [i for i, l in enumerate(lines) if l.startswith(prefix)]
    if len(found) != 1:
        sys.exit(f'expected one line starting {prefix!r}, found {len(found)}')
    return found[0]


def end(lines, i):
    """Index of the line closing the declaration that starts at line i."""
    closing = '`)' if lines[i].endswith('[]byte(`') else '}'
    while lines[i] != closing:
        i += 1
    return i


def main():
    src = open(sys.argv[1]).read() if len(sys.argv) > 1 else sys.stdin.read()
    lines = src.split('\n')
    a = start(lines, 'type SortMergeListTestCases ')
    b = end(lines, start(lines, 'type StrategicMergePatchRawTestCaseData '))
    blocks = ['\n'.join(lines[a:b + 1])]
    for name in TABLES:
        i = start(lines, f'var {name} ')
        blocks.append('\n'.join(lines[i:end(lines, i) + 1]))
    sys.stdout.write('package main\n\n' + ''.join(b + '\n\n' for b in blocks))


if __name__ == '__main__':
    main()
