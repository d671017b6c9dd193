// Decodes each input line, {"kind": KIND, "doc": OBJECT}, as Tekton's
// webhook decoded an incoming object at 6c132b937e (knative.dev/pkg's
// ResourceAdmissionController: json.NewDecoder, DisallowUnknownFields,
// Decode into the kind's Go type), and prints one line per input:
// {"error": MESSAGE} or {"error": ""} when the object was accepted.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/tektoncd/pipeline/pkg/apis/pipeline/v1alpha1"
)

func target(kind string) interface{} {
	switch kind {
	case "Task":
		return &v1alpha1.Task{}
	case "ClusterTask":
		return &v1alpha1.ClusterTask{}
	case "TaskRun":
		return &v1alpha1.TaskRun{}
	case "PipelineResource":
		return &v1alpha1.PipelineResource{}
	case "Pipeline":
		return &v1alpha1.Pipeline{}
	case "PipelineRun":
		return &v1alpha1.PipelineRun{}
	case "Condition":
		return &v1alpha1.Condition{}
	}
	panic("no Go type for kind " + kind)
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		var line struct {
			Kind string          `json:"kind"`
			Doc  json.RawMessage `json:"doc"`
		}
		if err := json.Unmarshal(in.Bytes(), &line); err != nil {
			panic(err)
		}
		d := json.NewDecoder(bytes.NewReader(line.Doc))
		d.DisallowUnknownFields()
		msg := ""
		if err := d.Decode(target(line.Kind)); err != nil {
			msg = err.Error()
		}
		b, _ := json.Marshal(map[string]string{"error": msg})
		fmt.Fprintln(out, string(b))
	}
	if err := in.Err(); err != nil {
		panic(err)
	}
}
