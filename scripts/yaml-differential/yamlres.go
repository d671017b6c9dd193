package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"sigs.k8s.io/yaml"
)

// Reads one JSON-encoded YAML document per line, prints YAMLToJSON's answer.
func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var doc string
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			panic(err)
		}
		out, err := yaml.YAMLToJSON([]byte(doc))
		if err != nil {
			fmt.Printf("ERR %s\n", err)
		} else {
			fmt.Printf("OK %s\n", out)
		}
	}
}
