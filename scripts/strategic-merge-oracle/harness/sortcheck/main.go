// Go 1.13's orders (harness/oldsort) for the spelled-out cases of
// test/pod/go-sort.test.ts: sort.Sort with a `<=` less on the items' first
// letters (4 lists), sort.SliceStable with a `<` less, and SliceStable with
// normalizeSliceOrder's less (true for unknown items). One line per case.
package main

import (
	"fmt"
	"harness/oldsort"
	"strings"
)

type items []string

func (x items) Len() int           { return len(x) }
func (x items) Less(i, j int) bool { return oldsort.StringsAreSorted([]string{x[i][:1], x[j][:1]}) }
func (x items) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

func main() {
	for _, in := range []string{"b1 a b2", "h1 h2 b c d e f", "h1 a h2 b c d e f g h i j k", "c1 a1 c2 b1 a2 c3 b2 a3 c4 b3 a4 c5 b4 a5 c6 b5 a6 c7 b6 a7 c8 b7 a8 c9 b8 a9 c0 b9 a0 d1 e1 d2 e2 d3 e3 d4 e4 d5 e5 d6 e6 d7 e7 d8 e8"} {
		x := items(strings.Fields(in))
		oldsort.Sort(x)
		fmt.Println(strings.Join(x, " "))
	}
	// stable with strict less
	y := strings.Fields("c1 a1 c2 b1 a2 c3 b2 a3 c4 b3 a4 c5 b4 a5 c6 b5 a6 c7 b6 a7 c8 b7 a8 c9 b8 a9 c0 b9 a0 d1 e1 d2 e2 d3 e3 d4 e4 d5 e5 d6 e6 d7 e7 d8 e8")
	oldsort.SliceStable(y, func(i, j int) bool { return y[i][:1] < y[j][:1] })
	fmt.Println(strings.Join(y, " "))
	// stable with a less that answers true for unknown items (normalizeSliceOrder's)
	z := strings.Fields("x1 a1 x2 b1 a2 x3")
	order := map[string]int{"a": 0, "b": 1}
	oldsort.SliceStable(z, func(i, j int) bool {
		if ii, ok := order[z[i][:1]]; ok {
			if ij, ok := order[z[j][:1]]; ok {
				return ii < ij
			}
		}
		return true
	})
	fmt.Println(strings.Join(z, " "))
}
