package parley

import (
	"encoding/json"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// AppendJSON appends e to b as encoding/json would encode it without its
// mentions (a listing does not carry them), field by field instead of by
// reflection: a page of events is most of what the API serves, and a
// store may keep each event's JSON ready (Store.FusedItems).
// TestAppendJSON holds it to encoding/json's output.
func (e *FusedEvent) AppendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, e.ID)
	if e.Source != "" {
		b = appendString(append(b, `,"source":`...), e.Source)
	}
	if e.Target != "" {
		b = appendString(append(b, `,"target":`...), e.Target)
	}
	b = appendString(append(b, `,"code":`...), e.Code)
	b = appendString(append(b, `,"root":`...), e.Root)
	b = strconv.AppendInt(append(b, `,"quad_class":`...), int64(e.QuadClass), 10)
	b = appendFloat(append(b, `,"goldstein":`...), e.Goldstein)
	if e.Plover != "" {
		b = appendString(append(b, `,"plover":`...), e.Plover)
	}
	b = appendString(append(b, `,"mode":`...), string(e.Mode))
	if !e.Date.IsZero() {
		b = appendTime(append(b, `,"date":`...), e.Date)
	}
	if e.Precision != "" {
		b = appendString(append(b, `,"precision":`...), e.Precision)
	}
	if e.Place != nil {
		b = appendPlace(append(b, `,"place":`...), e.Place)
	}
	b = strconv.AppendInt(append(b, `,"num_mentions":`...), int64(e.NumMentions), 10)
	b = strconv.AppendInt(append(b, `,"num_articles":`...), int64(e.NumArticles), 10)
	b = strconv.AppendInt(append(b, `,"num_sources":`...), int64(e.NumSources), 10)
	b = appendTime(append(b, `,"first_seen":`...), e.FirstSeen)
	b = appendTime(append(b, `,"last_seen":`...), e.LastSeen)
	return append(b, '}')
}

// appendPlace appends p as encoding/json would encode it.
func appendPlace(b []byte, p *Place) []byte {
	b = strconv.AppendInt(append(b, `{"tokens":{"start":`...), int64(p.Tokens.Start), 10)
	b = strconv.AppendInt(append(b, `,"end":`...), int64(p.Tokens.End), 10)
	b = append(b, '}')
	if p.GeoNameID != 0 {
		b = strconv.AppendInt(append(b, `,"geonameid":`...), int64(p.GeoNameID), 10)
	}
	b = appendString(append(b, `,"name":`...), p.Name)
	for _, f := range [...]struct{ key, v string }{{`,"country":`, p.Country}, {`,"admin1":`, p.Admin1}, {`,"feature":`, p.Feature}} {
		if f.v != "" {
			b = appendString(append(b, f.key...), f.v)
		}
	}
	b = appendFloat(append(b, `,"lat":`...), p.Lat)
	b = appendFloat(append(b, `,"lon":`...), p.Lon)
	if p.Approximate {
		b = append(b, `,"approximate":true`...)
	}
	return append(b, '}')
}

// appendString appends s as a JSON string; anything but plain printable
// ASCII goes through encoding/json, so the escaping is its own.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendFloat appends f as encoding/json does for the values events have;
// others go through encoding/json.
func appendFloat(b []byte, f float64) []byte {
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) || math.IsNaN(f) || math.IsInf(f, 0) {
		q, err := json.Marshal(f)
		if err != nil {
			return append(b, "null"...)
		}
		return append(b, q...)
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// appendTime appends t as time.Time's MarshalJSON does (which refuses
// years outside 0–9999: those go through it, to say so the same way).
func appendTime(b []byte, t time.Time) []byte {
	if y := t.Year(); y < 0 || y > 9999 {
		q, err := t.MarshalJSON()
		if err != nil {
			return append(b, "null"...)
		}
		return append(b, q...)
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}
