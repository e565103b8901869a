// Command gen writes cameo/codes.tsv from the CAMEO, Goldstein and CAMEO to
// PLOVER source tables. It is run by "go generate ./cameo":
//
//	go run ./gen -data ../../shared/data/events -out codes.tsv
//
// It prints to standard error how it resolved inconsistencies between the
// sources, and exits with status 1 when it cannot build the table.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/parley-events/parley/cameo/internal/gentable"
)

func main() {
	data := flag.String("data", "../../shared/data/events", "directory holding the CAMEO, Goldstein and CAMEO2PLOVER source tables")
	out := flag.String("out", "codes.tsv", "table to write")
	flag.Parse()

	table, notes, err := gentable.Generate(os.DirFS(*data))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for _, n := range notes {
		fmt.Fprintln(os.Stderr, "gen: note:", n)
	}
	if err := os.WriteFile(*out, table, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
