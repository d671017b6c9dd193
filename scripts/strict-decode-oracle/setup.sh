#!/usr/bin/env bash
# Builds this directory's Go programs (harness/fields, harness/decode) into
# $SDO_WORK/bin, against Tekton 6c132b937e's own pkg/apis and vendor/ (Go in
# GOPATH mode, GO111MODULE=off), and, with MAKE=1, regenerates both test
# tables:
#   test/input/data/go-fields.json          harness/fields
#   test/input/data/strict-decode-cases.json make-cases.mjs + harness/decode
#
# Environment:
#   TEKTON     a clone of github.com/tektoncd/pipeline that has commit
#              6c132b937e (bare or not, a partial clone will do: only .go
#              and .s files are taken)
#   SDO_WORK   work directory (default ${TMPDIR:-/tmp}/strict-decode-oracle);
#              its gopath/ is recreated on every run
#   MAKE=1     also write the two tables (needs `npm run build` first)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${SDO_WORK:-${TMPDIR:-/tmp}/strict-decode-oracle}
TEKTON_COMMIT=6c132b937ea225e4fa584a87be64e58cde5ac59b
P=$WORK/gopath/src/github.com/tektoncd/pipeline
[[ -n "${TEKTON:-}" ]] || { echo "set TEKTON to a tektoncd/pipeline clone" >&2; exit 1; }

rm -rf "$WORK/gopath"
mkdir -p "$P" "$WORK/bin"

# 1. pkg/ and vendor/ at the commit, Go sources only (never copied into the
#    repository)
git -C "$TEKTON" ls-tree -r "$TEKTON_COMMIT" pkg vendor |
  awk '$4 ~ /\.(go|s)$/ && $4 !~ /_test\.go$/ { print $3, $4 }' |
  while read -r sha path; do
    mkdir -p "$P/$(dirname "$path")"
    git -C "$TEKTON" cat-file blob "$sha" > "$P/$path"
  done

# 2. the harness, inside the Tekton tree so that its vendor/ applies
mkdir -p "$P/harness"
cp -a "$HERE/harness/." "$P/harness/"

# 3. build
cd "$P"
for p in fields decode; do
  GO111MODULE=off GOPATH="$WORK/gopath" GOFLAGS= go build -o "$WORK/bin/$p" "./harness/$p"
done
echo "built in $WORK/bin: fields decode ($(go version))"

# 4. the tables
if [[ "${MAKE:-}" == 1 ]]; then
  "$WORK/bin/fields" > "$ROOT/test/input/data/go-fields.json"
  node "$HERE/make-cases.mjs" "$WORK/bin/decode" > "$ROOT/test/input/data/strict-decode-cases.json"
  echo "wrote test/input/data/go-fields.json and strict-decode-cases.json"
fi
