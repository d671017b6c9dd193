// Expected orders for test/pod/go-sort.test.ts (data/go-sort-cases.json) from
// Go 1.13's sort package (harness/oldsort: go1.13 src/sort/sort.go's
// algorithms, as Go 1.19's own sort package is pdqsort). Driven by
// gen_go_sort_cases.py.
// Input: JSON lines {"id", "sort": "sort"|"stable", "less": mode, "keys": [ints]}.
// Output: the same with "want": the permutation (indices into keys).
package main

import (
	"bufio"
	"encoding/json"
	"harness/oldsort"
	"os"
)

type item struct{ id, key int }

type tc struct {
	Id   string `json:"id"`
	Sort string `json:"sort"`
	Less string `json:"less"`
	Keys []int  `json:"keys"`
	Want []int  `json:"want"`
}

// less over two items, by mode. Every mode is computed identically in the TS test.
func lessOf(mode string) func(a, b item) bool {
	switch mode {
	case "le":
		return func(a, b item) bool { return a.key <= b.key }
	case "lt":
		return func(a, b item) bool { return a.key < b.key }
	case "true":
		return func(a, b item) bool { return true }
	case "false":
		return func(a, b item) bool { return false }
	case "pairs":
		// not an order: a fixed answer for each pair of items
		return func(a, b item) bool { return (a.id*73+b.id*151+a.key*31)%11 < 5 }
	case "rank":
		// normalizeSliceOrder's: keys >= 5 are "unknown", and answer true
		return func(a, b item) bool {
			if a.key < 5 && b.key < 5 {
				return a.key < b.key
			}
			return true
		}
	}
	panic(mode)
}

type data struct {
	xs   []item
	less func(a, b item) bool
}

func (d *data) Len() int           { return len(d.xs) }
func (d *data) Less(i, j int) bool { return d.less(d.xs[i], d.xs[j]) }
func (d *data) Swap(i, j int)      { d.xs[i], d.xs[j] = d.xs[j], d.xs[i] }

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for sc.Scan() {
		var c tc
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			panic(err)
		}
		d := &data{less: lessOf(c.Less)}
		for i, k := range c.Keys {
			d.xs = append(d.xs, item{i, k})
		}
		if c.Sort == "sort" {
			oldsort.Sort(d)
		} else {
			xs := d.xs
			oldsort.SliceStable(xs, func(i, j int) bool { return d.less(xs[i], xs[j]) })
		}
		c.Want = []int{}
		for _, x := range d.xs {
			c.Want = append(c.Want, x.id)
		}
		b, _ := json.Marshal(c)
		w.Write(b)
		w.WriteString("\n")
	}
}
