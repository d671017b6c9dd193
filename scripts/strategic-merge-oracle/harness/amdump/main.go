// Dumps apimachinery's patch_test.go tables (kubernetes-1.12.9) as JSON lines
// for harness/smfix: "three" cases (original, modified, current) and "apply"
// cases (a document and the table's two-way or three-way patch).
//
// data.go (not kept in the repository) holds the tables, copied from
// patch_test.go by extract_apimachinery_tables.py; setup.sh writes it.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/ghodss/yaml"
)

type line struct {
	Id       string          `json:"id"`
	Schema   string          `json:"schema"`
	Op       string          `json:"op"`
	Original json.RawMessage `json:"original,omitempty"`
	Modified json.RawMessage `json:"modified,omitempty"`
	Current  json.RawMessage `json:"current,omitempty"`
	Patch    json.RawMessage `json:"patch,omitempty"`
}

func j(y []byte) json.RawMessage {
	if y == nil {
		return nil
	}
	b, err := yaml.YAMLToJSON(y)
	if err != nil {
		panic(err)
	}
	if string(b) == "null" {
		return nil
	}
	return b
}

func m(v map[string]interface{}) json.RawMessage {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func emit(l line) {
	b, _ := json.Marshal(l)
	fmt.Println(string(b))
}

func raw(prefix string, i int, c StrategicMergePatchRawTestCase) {
	id := fmt.Sprintf("%s %d: %s", prefix, i, c.Description)
	d := c.StrategicMergePatchRawTestCaseData
	if d.Modified != nil && d.Current != nil {
		emit(line{Id: id + " [three-way]", Schema: "item", Op: "three", Original: j(d.Original), Modified: j(d.Modified), Current: j(d.Current)})
	}
	if d.TwoWay != nil {
		emit(line{Id: id + " [two-way patch]", Schema: "item", Op: "apply", Original: j(d.Original), Patch: j(d.TwoWay)})
	}
	if d.ThreeWay != nil && d.Current != nil {
		emit(line{Id: id + " [three-way patch]", Schema: "item", Op: "apply", Original: j(d.Current), Patch: j(d.ThreeWay)})
	}
}

func cooked(prefix string, data []byte) {
	tc := StrategicMergePatchTestCases{}
	if err := yaml.Unmarshal(data, &tc); err != nil {
		panic(err)
	}
	for i, c := range tc.TestCases {
		id := fmt.Sprintf("%s %d: %s", prefix, i, c.Description)
		d := c.StrategicMergePatchTestCaseData
		if d.Modified != nil && d.Current != nil {
			emit(line{Id: id + " [three-way]", Schema: "item", Op: "three", Original: m(d.Original), Modified: m(d.Modified), Current: m(d.Current)})
		}
		if d.TwoWay != nil {
			emit(line{Id: id + " [two-way patch]", Schema: "item", Op: "apply", Original: m(d.Original), Patch: m(d.TwoWay)})
		}
		if d.ThreeWay != nil && d.Current != nil {
			emit(line{Id: id + " [three-way patch]", Schema: "item", Op: "apply", Original: m(d.Current), Patch: m(d.ThreeWay)})
		}
	}
}

func main() {
	_ = os.Stdout
	cooked("custom", customStrategicMergePatchTestCaseData)
	for i, c := range customStrategicMergePatchRawTestCases {
		raw("customRaw", i, c)
	}
	cooked("create", createStrategicMergePatchTestCaseData)
	for i, c := range strategicMergePatchRawTestCases {
		raw("raw", i, c)
	}
	for i, c := range replaceRawExtensionPatchTestCases {
		raw("rawExtension", i, c)
	}
}
