// Prints, as JSON, the field tree that encoding/json decoded each Tekton
// kind into at 6c132b937e: for every struct type reachable from the kind,
// the JSON names a decoder with DisallowUnknownFields accepted, and the type
// each name fills. Whether a name is known is asked of encoding/json itself
// (`{"NAME": null}` decoded strictly); reflect only finds the field's type.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"

	"github.com/tektoncd/pipeline/pkg/apis/pipeline/v1alpha1"
)

// A type as the decoder saw it.
type desc struct {
	Kind   string            `json:"kind"`             // struct, list, map, opaque, scalar, any
	Fields map[string]string `json:"fields,omitempty"` // struct: JSON name -> type id
	Elem   string            `json:"elem,omitempty"`   // list, map: element type id
	Custom bool              `json:"custom,omitempty"` // opaque: has its own UnmarshalJSON
}

var (
	types       = map[string]*desc{}
	unmarshaler = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
)

func id(t reflect.Type) string {
	for t.Kind() == reflect.Ptr {
		t = t.Elem()
	}
	if t.Name() != "" {
		// The last two elements of the package path: core/v1 and meta/v1
		// both have the package name v1.
		parts := strings.Split(t.PkgPath(), "/")
		if len(parts) > 2 {
			parts = parts[len(parts)-2:]
		}
		return strings.Join(parts, "/") + "." + t.Name()
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "[]" + id(t.Elem())
	case reflect.Map:
		return "map[" + id(t.Key()) + "]" + id(t.Elem())
	}
	return t.String()
}

// candidates: every JSON name a field of t (or of a struct embedded in it,
// at any depth) could be known by, with the field's type and its depth.
type cand struct {
	typ    reflect.Type
	depth  int
	tagged bool
}

func collect(t reflect.Type, depth int, out map[string][]cand) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name := strings.Split(tag, ",")[0]
		ft := f.Type
		for ft.Kind() == reflect.Ptr {
			ft = ft.Elem()
		}
		if f.Anonymous && name == "" && ft.Kind() == reflect.Struct {
			collect(ft, depth+1, out)
			continue
		}
		if f.PkgPath != "" { // unexported
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = append(out[name], cand{f.Type, depth, tag != ""})
	}
}

// known asks encoding/json whether a strict decode of {"name": null} into t
// accepts the name.
func known(t reflect.Type, name string) bool {
	body, _ := json.Marshal(map[string]interface{}{name: nil})
	d := json.NewDecoder(bytes.NewReader(body))
	d.DisallowUnknownFields()
	err := d.Decode(reflect.New(t).Interface())
	return err == nil || !strings.HasPrefix(err.Error(), "json: unknown field")
}

func describe(t reflect.Type) string {
	for t.Kind() == reflect.Ptr {
		t = t.Elem()
	}
	key := id(t)
	if _, ok := types[key]; ok {
		return key
	}
	d := &desc{}
	types[key] = d
	switch {
	case reflect.PtrTo(t).Implements(unmarshaler) || t.Implements(unmarshaler):
		d.Kind, d.Custom = "opaque", true
	case t.Kind() == reflect.Struct:
		d.Kind, d.Fields = "struct", map[string]string{}
		all := map[string][]cand{}
		collect(t, 0, all)
		for name, cs := range all {
			if !known(t, name) {
				continue
			}
			sort.SliceStable(cs, func(i, j int) bool { return cs[i].depth < cs[j].depth })
			if len(cs) > 1 && cs[1].depth == cs[0].depth && cs[1].tagged == cs[0].tagged {
				panic(fmt.Sprintf("%s.%s: two fields at one depth", key, name))
			}
			d.Fields[name] = describe(cs[0].typ)
		}
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			d.Kind = "scalar" // []byte: base64 text
		} else {
			d.Kind, d.Elem = "list", describe(t.Elem())
		}
	case t.Kind() == reflect.Map:
		d.Kind, d.Elem = "map", describe(t.Elem())
	case t.Kind() == reflect.Interface:
		d.Kind = "any"
	default:
		d.Kind = "scalar"
	}
	return key
}

func main() {
	roots := map[string]string{
		"Task":             describe(reflect.TypeOf(v1alpha1.Task{})),
		"ClusterTask":      describe(reflect.TypeOf(v1alpha1.ClusterTask{})),
		"TaskRun":          describe(reflect.TypeOf(v1alpha1.TaskRun{})),
		"PipelineResource": describe(reflect.TypeOf(v1alpha1.PipelineResource{})),
		"Pipeline":         describe(reflect.TypeOf(v1alpha1.Pipeline{})),
		"PipelineRun":      describe(reflect.TypeOf(v1alpha1.PipelineRun{})),
		"Condition":        describe(reflect.TypeOf(v1alpha1.Condition{})),
	}
	out, err := json.MarshalIndent(map[string]interface{}{"roots": roots, "types": types}, "", " ")
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(append(out, '\n'))
}
