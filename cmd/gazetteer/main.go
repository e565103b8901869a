// Command gazetteer builds parley's embedded gazetteer, geo/gazetteer.bin, from
// the GeoNames-derived sources of ../shared/data/geo (run by go generate
// ./geo; see geo.Build). The same sources give the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/parley-events/parley/geo"
)

func main() {
	from := flag.String("from", "../shared/data/geo", "directory of the sources")
	out := flag.String("out", "geo/gazetteer.bin", "file to write")
	flag.Parse()
	b, err := geo.Build(os.DirFS(*from))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
	data, err := b.MarshalBinary()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
	fmt.Printf("gazetteer: %d entries, %d countries, %d bytes in %s\n", len(b.Entries), len(b.Countries), len(data), *out)
}
