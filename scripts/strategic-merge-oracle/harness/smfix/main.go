// Expected values for test/pod/strategic-merge*.test.ts: apimachinery's
// strategicpatch at kubernetes-1.12.9 (as vendored by Tekton 6c132b937e),
// with Go 1.13's sort (harness/sp113 = that package with sort -> oldsort).
//
// Input: JSON lines {"id", "schema": "item"|"container", "op": "three"|"apply",
// "original", "modified", "current", "patch"}; "three" runs
// CreateThreeWayMergePatch(original, modified, current, overwrite=true) and
// applies the patch to current with StrategicMergePatchUsingLookupPatchMeta;
// "apply" applies "patch" to "original". Each case runs 41 times (Go's map
// order varies) and is marked "unstable" when the outputs differ.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	strategicpatch "harness/sp113"

	v1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/intstr"
)

type Port struct {
	Port     int64  `json:"port"`
	Protocol string `json:"protocol,omitempty"`
}

// apimachinery's MergeItem (patch_test.go) without the retainKeys fields, and
// fields of other kinds for the lookups' errors.
type Item struct {
	Name              string               `json:"name,omitempty"`
	Value             string               `json:"value,omitempty"`
	Other             string               `json:"other,omitempty"`
	MergingList       []Item               `json:"mergingList,omitempty" patchStrategy:"merge" patchMergeKey:"name"`
	NonMergingList    []Item               `json:"nonMergingList,omitempty"`
	MergingIntList    []int64              `json:"mergingIntList,omitempty" patchStrategy:"merge"`
	NonMergingIntList []int64              `json:"nonMergingIntList,omitempty"`
	MergeItemPtr      *Item                `json:"mergeItemPtr,omitempty" patchStrategy:"merge" patchMergeKey:"name"`
	SimpleMap         map[string]string    `json:"simpleMap,omitempty"`
	ReplacingItem     runtime.RawExtension `json:"replacingItem,omitempty" patchStrategy:"replace"`
	// beyond MergeItem
	Ports       []Port             `json:"ports,omitempty" patchStrategy:"merge" patchMergeKey:"port"`
	PtrList     *[]Item            `json:"ptrList,omitempty" patchStrategy:"merge" patchMergeKey:"name"`
	PtrNoKey    *[]Item            `json:"ptrNoKey,omitempty" patchStrategy:"merge"`
	NoKeyList   []Item             `json:"noKeyList,omitempty" patchStrategy:"merge"`
	ListOfLists [][]string         `json:"listOfLists,omitempty" patchStrategy:"merge"`
	TwoMerge    []Item             `json:"twoMerge,omitempty" patchStrategy:"merge,replace" patchMergeKey:"name"`
	RetainFirst []Item             `json:"retainFirst,omitempty" patchStrategy:"retainKeys,merge" patchMergeKey:"name"`
	RetainLast  []Item             `json:"retainLast,omitempty" patchStrategy:"merge,retainKeys" patchMergeKey:"name"`
	ThreeWords  []Item             `json:"threeWords,omitempty" patchStrategy:"merge,retainKeys,replace" patchMergeKey:"name"`
	ReplaceMap  map[string]string  `json:"replaceMap,omitempty" patchStrategy:"replace"`
	Count       int64              `json:"count,omitempty"`
	Flag        bool               `json:"flag,omitempty"`
	Qty         resource.Quantity  `json:"qty,omitempty"`
	Port        intstr.IntOrString `json:"port,omitempty"`
	Sub         Sub                `json:"sub,omitempty"`
}

type Sub struct {
	Name  string `json:"name,omitempty"`
	Inner *Item  `json:"inner,omitempty"`
	List  []Item `json:"list,omitempty" patchStrategy:"merge" patchMergeKey:"name"`
}

type in struct {
	Id       string          `json:"id"`
	Schema   string          `json:"schema"`
	Op       string          `json:"op"`
	Original json.RawMessage `json:"original,omitempty"`
	Modified json.RawMessage `json:"modified,omitempty"`
	Current  json.RawMessage `json:"current,omitempty"`
	Patch    json.RawMessage `json:"patch,omitempty"`
}

type out struct {
	in
	WantPatch    interface{} `json:"wantPatch,omitempty"`
	WantPatchErr string      `json:"wantPatchErr,omitempty"`
	Want         interface{} `json:"want,omitempty"`
	WantErr      string      `json:"wantErr,omitempty"`
	Unstable     bool        `json:"unstable,omitempty"`
	Panic        string      `json:"panic,omitempty"`
}

func decode(b []byte) interface{} {
	var v interface{}
	if err := json.Unmarshal(b, &v); err != nil {
		panic(err)
	}
	return v
}

func run(c in) (o out) {
	defer func() {
		if r := recover(); r != nil {
			o = out{in: c, Panic: fmt.Sprint(r)}
		}
	}()
	var schema strategicpatch.LookupPatchMeta
	var err error
	if c.Schema == "container" {
		schema, err = strategicpatch.NewPatchMetaFromStruct(&v1.Container{})
	} else {
		schema, err = strategicpatch.NewPatchMetaFromStruct(&Item{})
	}
	if err != nil {
		panic(err)
	}
	o = out{in: c}
	target, patch := []byte(c.Original), []byte(c.Patch)
	if c.Op == "three" {
		p, err := strategicpatch.CreateThreeWayMergePatch(c.Original, c.Modified, c.Current, schema, true)
		if err != nil {
			o.WantPatchErr = err.Error()
			return o
		}
		o.WantPatch = decode(p)
		target, patch = []byte(c.Current), p
	}
	r, err := strategicpatch.StrategicMergePatchUsingLookupPatchMeta(target, patch, schema)
	if err != nil {
		o.WantErr = err.Error()
	} else {
		o.Want = decode(r)
	}
	return o
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for sc.Scan() {
		var c in
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			panic(err)
		}
		first := run(c)
		fb, _ := json.Marshal(first)
		for i := 0; i < 40; i++ {
			b, _ := json.Marshal(run(c))
			if string(b) != string(fb) {
				first.Unstable = true
			}
		}
		b, _ := json.Marshal(first)
		w.Write(b)
		w.WriteString("\n")
	}
}
