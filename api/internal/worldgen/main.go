// Command worldgen derives the web UI's world map (api/static/world.tsv)
// from the Natural Earth 1:110m country outlines as world-atlas publishes
// them (TopoJSON) and the ISO codes of world-countries: one line per
// country, "ISO3<TAB>name<TAB>SVG path" in an equirectangular projection
// (x = longitude + 180, y = 90 − latitude, a tenth of a degree). The same
// input always gives the same bytes.
//
//	go run ./api/internal/worldgen -topo ../shared/data/geo/countries-110m.json \
//		-countries ../shared/data/geo/world-countries.json -out api/static/world.tsv
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
)

type topology struct {
	Arcs      [][][2]float64 `json:"arcs"`
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type       string          `json:"type"`
				Arcs       json.RawMessage `json:"arcs"`
				ID         string          `json:"id"`
				Properties struct {
					Name string `json:"name"`
				} `json:"properties"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

func main() {
	topo := flag.String("topo", "", "world-atlas countries-110m.json")
	countries := flag.String("countries", "", "world-countries.json (ccn3 → cca3)")
	out := flag.String("out", "", "output file")
	flag.Parse()
	b, err := build(*topo, *countries)
	must(err)
	must(os.WriteFile(*out, b, 0o644))
}

// build returns the map file for the two inputs.
func build(topoPath, countriesPath string) ([]byte, error) {
	var t topology
	if err := read(topoPath, &t); err != nil {
		return nil, err
	}
	var wc []struct {
		CCA3 string `json:"cca3"`
		CCN3 string `json:"ccn3"`
	}
	if err := read(countriesPath, &wc); err != nil {
		return nil, err
	}
	iso := map[string]string{}
	for _, c := range wc {
		if c.CCN3 != "" {
			iso[c.CCN3] = c.CCA3
		}
	}
	// Decode the arcs: delta-encoded quantized positions.
	arcs := make([][][2]float64, len(t.Arcs))
	for i, a := range t.Arcs {
		var x, y float64
		for _, p := range a {
			x, y = x+p[0], y+p[1]
			lon := x*t.Transform.Scale[0] + t.Transform.Translate[0]
			lat := y*t.Transform.Scale[1] + t.Transform.Translate[1]
			arcs[i] = append(arcs[i], [2]float64{lon, lat})
		}
	}
	ring := func(ids []int) []byte {
		var pts [][2]float64
		for k, id := range ids {
			var a [][2]float64
			if id >= 0 {
				a = arcs[id]
			} else {
				a = slices.Clone(arcs[^id])
				slices.Reverse(a)
			}
			if k > 0 {
				a = a[1:]
			}
			pts = append(pts, a...)
		}
		var b []byte
		var lx, ly string
		for k, p := range pts {
			x := strconv.FormatFloat(p[0]+180, 'f', 1, 64)
			y := strconv.FormatFloat(90-p[1], 'f', 1, 64)
			if x == lx && y == ly {
				continue
			}
			if k == 0 {
				b = append(b, 'M')
			} else {
				b = append(b, 'L')
			}
			b = append(b, x...)
			b = append(b, ' ')
			b = append(b, y...)
			lx, ly = x, y
		}
		return append(b, 'Z')
	}
	var lines []string
	for _, g := range t.Objects.Countries.Geometries {
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, err
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, err
			}
		default:
			continue
		}
		var d []byte
		for _, p := range polys {
			for _, r := range p {
				d = append(d, ring(r)...)
			}
		}
		code := iso[g.ID]
		if code == "" {
			code = "-" + g.ID // no ISO code (a disputed territory)
		}
		lines = append(lines, fmt.Sprintf("%s\t%s\t%s", code, g.Properties.Name, d))
	}
	slices.Sort(lines)
	return []byte(strings.Join(lines, "\n") + "\n"), nil
}

func read(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
