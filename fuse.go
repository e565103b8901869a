package parley

import (
	"math"
	"strings"
	"time"
)

// FuseRule says when two coded events report the same real-world event, so
// that a store keeps one fused event with every sentence and article that
// reports it, instead of one event per report. Two coded events fuse when
//
//   - their source and their target actor codes are equal ("RUSMIL" and
//     "RUS" are different actors, and so are two different targets);
//   - their CAMEO base codes (the first three digits: 190 for 190, 043
//     for 0431) are equal;
//   - their modalities are of one class: an event asserted by the text
//     and one it reports a speaker saying happened are one class; a planned,
//     conditional, possible or negated event fuses only with events of its
//     own modality, never with one said to have happened;
//   - their dates are at most Window apart, counted from the fused event's
//     first report; an undated event fuses only within its own document;
//   - their places are compatible: either has none, or both lie in one
//     country and, unless either is a whole country or region, within
//     Radius kilometres of each other.
//
// A new report joins the compatible fused event whose date is nearest (the
// first-created on a tie), else starts a new one. Fusing is continuous: a
// later article adds mentions to an event stored before it. The zero value
// is DefaultFuseRule.
type FuseRule struct {
	Window time.Duration // 0 means DefaultFuseWindow; negative fuses only events of one day
	Radius float64       // kilometres; 0 means DefaultFuseRadius
}

// Defaults of FuseRule.
const (
	DefaultFuseWindow = 24 * time.Hour
	DefaultFuseRadius = 100.0
)

// DefaultFuseRule returns the rule with the default window and radius.
func DefaultFuseRule() FuseRule {
	return FuseRule{Window: DefaultFuseWindow, Radius: DefaultFuseRadius}
}

// Normalized returns r with its zero fields set to their defaults.
func (r FuseRule) Normalized() FuseRule {
	if r.Window == 0 {
		r.Window = DefaultFuseWindow
	}
	if r.Window < 0 {
		r.Window = 0
	}
	if r.Radius <= 0 {
		r.Radius = DefaultFuseRadius
	}
	return r
}

// FuseKey is what two coded events must share to fuse at all.
type FuseKey struct {
	Source, Target string
	Base           string // CAMEO base code, the first three digits
	Class          string // modality class: "fact" for asserted and reported, else the modality
}

// FuseKeyOf returns the key of e.
func FuseKeyOf(e Event) FuseKey {
	base := e.Code
	if len(base) > 3 {
		base = base[:3]
	}
	class := string(e.Mode)
	if e.Mode == Asserted || e.Mode == Reported || e.Mode == "" {
		class = "fact"
	}
	return FuseKey{Source: e.Source, Target: e.Target, Base: base, Class: class}
}

// FuseAnchor is what a fused event keeps of its first report to judge later
// ones: the date, the document and the place.
type FuseAnchor struct {
	Date  time.Time // zero when undated
	DocID string
	Place *Place // nil when none
}

// Fits reports whether a coded event with this date, document and place
// (nil when none) may join the fused event anchored at a, whose key it
// shares.
func (r FuseRule) Fits(a FuseAnchor, date time.Time, docID string, place *Place) bool {
	r = r.Normalized()
	if a.Date.IsZero() || date.IsZero() {
		if a.DocID != docID || !a.Date.IsZero() || !date.IsZero() {
			return false
		}
	} else if d := date.Sub(a.Date).Abs(); d > r.Window {
		return false
	}
	return r.placesFit(a.Place, place)
}

// placesFit reports whether two places (nil when none) may be the place of
// one event.
func (r FuseRule) placesFit(a, b *Place) bool {
	if a == nil || b == nil {
		return true
	}
	if a.Country != b.Country {
		return false
	}
	if a.GeoNameID != 0 && a.GeoNameID == b.GeoNameID || wholeArea(a) || wholeArea(b) {
		return true
	}
	return Distance(a.Lat, a.Lon, b.Lat, b.Lon) <= r.Radius
}

// wholeArea reports whether p names a country, a division of one, or a
// region, rather than a town or a site: GeoNames feature codes PCL…
// (political entities), ADM… (divisions), CONT, RGN.
func wholeArea(p *Place) bool {
	f := p.Feature
	return strings.HasPrefix(f, "PCL") || strings.HasPrefix(f, "ADM") || f == "CONT" || f == "RGN" || f == "TERR"
}

// Distance returns the great-circle distance in kilometres between two
// points given in degrees, by the haversine formula on a sphere of radius
// 6371 km (the Earth's mean radius).
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const earth = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * earth * math.Asin(math.Sqrt(math.Min(1, math.Max(0, h))))
}
