#!/usr/bin/env bash
# Builds the Go programs of this directory in a GOPATH of their own (Go in
# GOPATH mode, GO111MODULE=off), against Tekton 6c132b937e's vendor/ (which
# holds k8s.io/apimachinery at kubernetes-1.12.9 and k8s.io/api), into
# $SMO_WORK/bin: sortfix, smfix, amdump, sortcheck.
#
# Environment:
#   SMO_WORK        work directory (default ${TMPDIR:-/tmp}/strategic-merge-oracle);
#                   $SMO_WORK/gopath is recreated on every run
#   TEKTON          a clone of github.com/tektoncd/pipeline that has commit
#                   6c132b937e (bare or not): vendor/ is taken from it with
#                   git archive; or
#   TEKTON_VENDOR   that commit's vendor/ directory, already checked out
#   APIMACHINERY    a clone of github.com/kubernetes/apimachinery with the tag
#                   kubernetes-1.12.9, for pkg/util/strategicpatch/patch_test.go
#                   (Tekton's vendor/ has no _test.go files); or
#   PATCH_TEST_GO   that patch_test.go as a file
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${SMO_WORK:-${TMPDIR:-/tmp}/strategic-merge-oracle}
TEKTON_COMMIT=6c132b937ea225e4fa584a87be64e58cde5ac59b
APIMACHINERY_TAG=kubernetes-1.12.9
H=$WORK/gopath/src/harness

rm -rf "$WORK/gopath"
mkdir -p "$H" "$WORK/bin"

# 1. vendor/ (only ever copied into $SMO_WORK, never into the repository)
if [[ -n "${TEKTON_VENDOR:-}" ]]; then
  cp -a "$TEKTON_VENDOR" "$H/vendor"
elif [[ -n "${TEKTON:-}" ]]; then
  if ! git -C "$TEKTON" archive "$TEKTON_COMMIT" vendor 2>/dev/null | tar -x -C "$H"; then
    # A partial clone or snapshot can lack a few large blobs (none of them Go
    # source): copy the tree file by file and skip what is absent.
    rm -rf "$H/vendor"
    git -C "$TEKTON" ls-tree -r "$TEKTON_COMMIT" vendor | while read -r mode _ sha path; do
      mkdir -p "$H/$(dirname "$path")"
      if ! git -C "$TEKTON" cat-file -e "$sha" 2>/dev/null; then
        echo "skipped (not in $TEKTON): $path" >&2
      elif [[ $mode == 120000 ]]; then
        ln -s "$(git -C "$TEKTON" cat-file blob "$sha")" "$H/$path"
      else
        git -C "$TEKTON" cat-file blob "$sha" > "$H/$path"
      fi
    done
  fi
else
  echo "set TEKTON (a tektoncd/pipeline clone) or TEKTON_VENDOR (its vendor/ at $TEKTON_COMMIT)" >&2
  exit 1
fi
SP=$H/vendor/k8s.io/apimachinery/pkg/util/strategicpatch
[[ -f $SP/patch.go ]] || { echo "no $SP/patch.go" >&2; exit 1; }

# 2. this directory's sources
cp -a "$HERE/harness/." "$H/"

# 3. harness/sp113: the vendored strategicpatch with its "sort" import
#    replaced by harness/oldsort (Go 1.13's sort algorithms), nothing else
mkdir -p "$H/sp113"
cp "$SP/errors.go" "$SP/meta.go" "$SP/types.go" "$H/sp113/"
sed 's|^\t"sort"$|\tsort "harness/oldsort"|' "$SP/patch.go" > "$H/sp113/patch.go"
[[ $(diff "$SP/patch.go" "$H/sp113/patch.go" | grep -c '^>') == 1 ]] || { echo "patch.go: expected exactly one import to replace" >&2; exit 1; }
for f in errors meta types; do
  ! grep -q '"sort"' "$H/sp113/$f.go" || { echo "$f.go imports sort" >&2; exit 1; }
done

# 4. harness/amdump/data.go: apimachinery's test tables
if [[ -n "${PATCH_TEST_GO:-}" ]]; then
  python3 "$HERE/extract_apimachinery_tables.py" "$PATCH_TEST_GO" > "$H/amdump/data.go"
elif [[ -n "${APIMACHINERY:-}" ]]; then
  git -C "$APIMACHINERY" show "$APIMACHINERY_TAG:pkg/util/strategicpatch/patch_test.go" |
    python3 "$HERE/extract_apimachinery_tables.py" > "$H/amdump/data.go"
else
  echo "set APIMACHINERY (a kubernetes/apimachinery clone) or PATCH_TEST_GO (its patch_test.go at $APIMACHINERY_TAG)" >&2
  exit 1
fi

# 5. build
cd "$H"
for p in sortfix smfix amdump sortcheck; do
  GO111MODULE=off GOPATH="$WORK/gopath" GOFLAGS= go build -o "$WORK/bin/$p" "./$p"
done
echo "built in $WORK/bin: $(ls "$WORK/bin" | tr '\n' ' ')($(go version))"
