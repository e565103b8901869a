package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestWorldIsBuilt checks that the committed map is what the generator
// makes of the shared data (skipping without it).
func TestWorldIsBuilt(t *testing.T) {
	geo := filepath.Join("..", "..", "..", "..", "shared", "data", "geo")
	topo, countries := filepath.Join(geo, "countries-110m.json"), filepath.Join(geo, "world-countries.json")
	if _, err := os.Stat(topo); err != nil {
		t.Skipf("%s absent: the map cannot be rebuilt here", topo)
	}
	got, err := build(topo, countries)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "static", "world.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("api/static/world.tsv is not what go generate ./api makes of %s: rebuild it", geo)
	}
}
