package eval_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/eval"
)

// geoWebNewsSample is a small file in the layout of GeoWebNews, with
// invented sentences. The second article has non-ASCII letters before
// its toponyms, so character and byte offsets differ.
const geoWebNewsSample = `<?xml version="1.0" ?>
<articles>
	<!--invented articles in the layout of GeoWebNews-->
	<article file="7">
		<title>Ferry crews</title>
		<link>http://example.com/ferries</link>
		<text>Crews from Brest &amp; Quimper sailed to Cork. &quot;Lisbon&quot; fans cheered the crews.</text>
		<toponyms>
			<toponym>
				<extractedName>Brest</extractedName>
				<normalisedName>Brest</normalisedName>
				<type>Literal</type>
				<modifierType/>
				<nonLocational>No</nonLocational>
				<start>11</start>
				<end>16</end>
				<geonamesID>3030300</geonamesID>
				<latitude>48.39029</latitude>
				<longitude>-4.48628</longitude>
			</toponym>
			<toponym>
				<extractedName>Quimper</extractedName>
				<normalisedName/>
				<type>Literal</type>
				<modifierType/>
				<nonLocational>No</nonLocational>
				<start>19</start>
				<end>26</end>
				<geonamesID/>
				<latitude>47.99575</latitude>
				<longitude>-4.09775</longitude>
			</toponym>
			<toponym>
				<extractedName>Cork</extractedName>
				<normalisedName>Cork</normalisedName>
				<type>Literal</type>
				<modifierType/>
				<nonLocational>No</nonLocational>
				<start>37</start>
				<end>41</end>
				<geonamesID>2965140</geonamesID>
				<latitude>51.89797</latitude>
				<longitude>-8.47061</longitude>
			</toponym>
			<toponym>
				<extractedName>Lisbon</extractedName>
				<normalisedName>Lisbon</normalisedName>
				<type>Non_Literal_Modifier</type>
				<modifierType>Noun</modifierType>
				<nonLocational>No</nonLocational>
				<start>44</start>
				<end>50</end>
				<geonamesID>2267057</geonamesID>
				<latitude>38.71667</latitude>
				<longitude>-9.13333</longitude>
			</toponym>
			<toponym>
				<extractedName>the crews</extractedName>
				<normalisedName/>
				<type>Non_Lit_Expression</type>
				<modifierType/>
				<nonLocational>Yes</nonLocational>
				<start>65</start>
				<end>74</end>
			</toponym>
		</toponyms>
	</article>
	<article file="8">
		<title>A café</title>
		<link>http://example.com/cafe</link>
		<text>Zoë opened a café in Kraków before moving to Gdańsk.</text>
		<toponyms>
			<toponym>
				<extractedName>Kraków</extractedName>
				<normalisedName>Kraków</normalisedName>
				<type>Literal</type>
				<modifierType/>
				<nonLocational>No</nonLocational>
				<start>21</start>
				<end>27</end>
				<geonamesID>3094802</geonamesID>
				<latitude>50.06143</latitude>
				<longitude>19.93658</longitude>
			</toponym>
			<toponym>
				<extractedName>Gdańsk</extractedName>
				<normalisedName/>
				<type>Homonym</type>
				<modifierType/>
				<nonLocational>No</nonLocational>
				<start>45</start>
				<end>51</end>
			</toponym>
		</toponyms>
	</article>
</articles>
`

// trNewsSample is a small file in the layout of TR-News, with invented
// sentences: a CDATA text with a line break, non-ASCII letters, a
// toponym without a gaztag and one whose gaztag has no country.
const trNewsSample = `<?xml version="1.0" encoding="utf-8"?>
<articles>
    <article docid="9001">
        <title>Harbour news
        </title>
        <url>
            http://example.com/harbour
        </url>
        <domain>example.com</domain>
        <dltime>Dec 17, 2016 10:00 AM CT</dltime>
        <text><![CDATA[Fishermen in Izmir & "Bodrum" said the Aegean was calm.
Tourists from Europe returned to Göreme, a village in Türkiye.]]></text>
        <toponyms count="6">
            <toponym>
                <phrase>Izmir</phrase>
                <start>13</start>
                <end>18</end>
                <gaztag geonameid="311046">
                    <name>Izmir</name>
                    <fclass>P</fclass>
                    <fcode>PPLA</fcode>
                    <lat>38.41273</lat>
                    <lon>27.13838</lon>
                    <country geonameid="298795">Turkey</country>
                    <admin1 geonameid="311044">Izmir</admin1>
                </gaztag>
            </toponym>
            <toponym>
                <phrase>Bodrum</phrase>
                <start>22</start>
                <end>28</end>
                <gaztag geonameid="320995">
                    <name>Bodrum</name>
                    <fclass>P</fclass>
                    <fcode>PPLA2</fcode>
                    <lat>37.03833</lat>
                    <lon>27.42917</lon>
                    <country geonameid="298795">Turkey</country>
                </gaztag>
            </toponym>
            <toponym>
                <phrase>Aegean</phrase>
                <start>39</start>
                <end>45</end>
            </toponym>
            <toponym>
                <phrase>Europe</phrase>
                <start>70</start>
                <end>76</end>
                <gaztag geonameid="6255148">
                    <name>Europe</name>
                    <fclass>L</fclass>
                    <fcode>CONT</fcode>
                    <lat>48.69096</lat>
                    <lon>9.14062</lon>
                </gaztag>
            </toponym>
            <toponym>
                <phrase>Göreme</phrase>
                <start>89</start>
                <end>95</end>
                <gaztag geonameid="314969">
                    <name>Goreme</name>
                    <fclass>P</fclass>
                    <fcode>PPL</fcode>
                    <lat>38.64306</lat>
                    <lon>34.82889</lon>
                    <country geonameid="298795">Turkey</country>
                </gaztag>
            </toponym>
            <toponym>
                <phrase>Türkiye</phrase>
                <start>110</start>
                <end>117</end>
                <gaztag geonameid="298795">
                    <name>Turkey</name>
                    <fclass>A</fclass>
                    <fcode>PCLI</fcode>
                    <lat>39</lat>
                    <lon>35</lon>
                    <country geonameid="298795">Turkey</country>
                </gaztag>
            </toponym>
        </toponyms>
    </article>
    <article docid="9002">
        <title>Quiet day</title>
        <dltime></dltime>
        <text><![CDATA[Nothing happened.]]></text>
        <toponyms/>
    </article>
</articles>
`

// geoVirusSample is a small file in the GeoVirus layout (<locations>),
// with an invented sentence; its articles have no id attribute.
const geoVirusSample = `<articles>
<article>
<source>http://example.com/outbreak</source>
<text>An outbreak near Kisumu spread to Nairobi and, later, São Paulo.</text>
<locations>
<location><name>Kisumu</name><start>17</start><end>23</end><lat>-0.10221</lat><lon>34.76171</lon><page>http://example.com/wiki/Kisumu</page></location>
<location><name>Nairobi</name><start>34</start><end>41</end><lat>-1.28333</lat><lon>36.81667</lon></location>
<location><name>São Paulo</name><start>54</start><end>63</end><lat>-23.5475</lat><lon>-46.63611</lon></location>
</locations>
</article>
</articles>
`

func readGeo(tb testing.TB, src, name string) []*eval.GeoDoc {
	tb.Helper()
	docs, err := eval.ReadGeo(strings.NewReader(src), name)
	if err != nil {
		tb.Fatalf("ReadGeo: %v", err)
	}
	return docs
}

func TestReadGeo(t *testing.T) {
	tests := []struct {
		name, src string
		want      []*eval.GeoDoc
	}{
		{
			name: "gwn.xml",
			src:  geoWebNewsSample,
			want: []*eval.GeoDoc{
				{
					Name: "gwn.xml:7", ID: "7",
					Text: `Crews from Brest & Quimper sailed to Cork. "Lisbon" fans cheered the crews.`,
					Gold: []eval.GoldToponym{
						{Start: 11, End: 16, Name: "Brest", Lat: 48.39029, Lon: -4.48628, HasCoords: true, GeoNameID: 3030300, Type: "Literal"},
						{Start: 19, End: 26, Name: "Quimper", Lat: 47.99575, Lon: -4.09775, HasCoords: true, Type: "Literal"},
						{Start: 37, End: 41, Name: "Cork", Lat: 51.89797, Lon: -8.47061, HasCoords: true, GeoNameID: 2965140, Type: "Literal"},
						{Start: 44, End: 50, Name: "Lisbon", Lat: 38.71667, Lon: -9.13333, HasCoords: true, GeoNameID: 2267057, Type: "Non_Literal_Modifier"},
						{Start: 65, End: 74, Name: "the crews", Type: "Non_Lit_Expression", NonLocational: true},
					},
				},
				{
					Name: "gwn.xml:8", ID: "8",
					Text: "Zoë opened a café in Kraków before moving to Gdańsk.",
					Gold: []eval.GoldToponym{
						{Start: 23, End: 30, Name: "Kraków", Lat: 50.06143, Lon: 19.93658, HasCoords: true, GeoNameID: 3094802, Type: "Literal"},
						{Start: 48, End: 55, Name: "Gdańsk", Type: "Homonym"},
					},
				},
			},
		},
		{
			name: "tr.xml",
			src:  trNewsSample,
			want: []*eval.GeoDoc{
				{
					Name: "tr.xml:9001", ID: "9001",
					Text:      "Fishermen in Izmir & \"Bodrum\" said the Aegean was calm.\nTourists from Europe returned to Göreme, a village in Türkiye.",
					Published: time.Date(2016, 12, 17, 0, 0, 0, 0, time.UTC),
					Gold: []eval.GoldToponym{
						{Start: 13, End: 18, Name: "Izmir", Lat: 38.41273, Lon: 27.13838, HasCoords: true, GeoNameID: 311046, CountryName: "Turkey", Feature: "PPLA"},
						{Start: 22, End: 28, Name: "Bodrum", Lat: 37.03833, Lon: 27.42917, HasCoords: true, GeoNameID: 320995, CountryName: "Turkey", Feature: "PPLA2"},
						{Start: 39, End: 45, Name: "Aegean"},
						{Start: 70, End: 76, Name: "Europe", Lat: 48.69096, Lon: 9.14062, HasCoords: true, GeoNameID: 6255148, Feature: "CONT"},
						{Start: 89, End: 96, Name: "Göreme", Lat: 38.64306, Lon: 34.82889, HasCoords: true, GeoNameID: 314969, CountryName: "Turkey", Feature: "PPL"},
						{Start: 111, End: 119, Name: "Türkiye", Lat: 39, Lon: 35, HasCoords: true, GeoNameID: 298795, CountryName: "Turkey", Feature: "PCLI"},
					},
				},
				{Name: "tr.xml:9002", ID: "9002", Text: "Nothing happened."},
			},
		},
		{
			name: "virus.xml",
			src:  geoVirusSample,
			want: []*eval.GeoDoc{
				{
					Name: "virus.xml:1", ID: "1",
					Text: "An outbreak near Kisumu spread to Nairobi and, later, São Paulo.",
					Gold: []eval.GoldToponym{
						{Start: 17, End: 23, Name: "Kisumu", Lat: -0.10221, Lon: 34.76171, HasCoords: true},
						{Start: 34, End: 41, Name: "Nairobi", Lat: -1.28333, Lon: 36.81667, HasCoords: true},
						{Start: 54, End: 64, Name: "São Paulo", Lat: -23.5475, Lon: -46.63611, HasCoords: true},
					},
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readGeo(t, tt.src, tt.name)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadGeo (-want +got):\n%s", diff)
			}
			for _, d := range got {
				for _, g := range d.Gold {
					if d.Text[g.Start:g.End] != g.Name {
						t.Errorf("%s: span %d–%d covers %q, want %q", d.Name, g.Start, g.End, d.Text[g.Start:g.End], g.Name)
					}
				}
			}
		})
	}
}

// TestReadGeoMixed checks that the layouts can be told apart toponym by
// toponym, and that entities and character references in names and
// texts are decoded before offsets are counted.
func TestReadGeoMixed(t *testing.T) {
	const src = `<articles><article id="x"><text>&#201;vora &amp; Faro&#x2026; Porto&nbsp;fans</text>
<toponyms><toponym><phrase>Faro</phrase><start>8</start><end>12</end></toponym></toponyms>
<locations><location><name>Porto</name><start>14</start><end>19</end><lat>41.14961</lat><lon>-8.61099</lon></location></locations>
<toponyms><toponym><extractedName>&#201;vora</extractedName><start>0</start><end>5</end></toponym></toponyms>
</article></articles>`
	docs := readGeo(t, src, "mixed.xml")
	want := []*eval.GeoDoc{{
		Name: "mixed.xml:x", ID: "x", Text: "Évora & Faro… Porto\u00a0fans",
		Gold: []eval.GoldToponym{
			{Start: 9, End: 13, Name: "Faro"},
			{Start: 17, End: 22, Name: "Porto", Lat: 41.14961, Lon: -8.61099, HasCoords: true},
			{Start: 0, End: 6, Name: "Évora"},
		},
	}}
	if diff := cmp.Diff(want, docs); diff != "" {
		t.Errorf("ReadGeo (-want +got):\n%s", diff)
	}
}

func TestReadGeoDates(t *testing.T) {
	tests := []struct {
		dltime string
		want   time.Time
	}{
		{"2016-12-19", time.Date(2016, 12, 19, 0, 0, 0, 0, time.UTC)},
		{"2009-03-25 00:26:04.358077-05", time.Date(2009, 3, 25, 0, 0, 0, 0, time.UTC)},
		{"11/28/2016", time.Date(2016, 11, 28, 0, 0, 0, 0, time.UTC)},
		{"7:58 AM ET, Sat January 3, 2015", time.Date(2015, 1, 3, 0, 0, 0, 0, time.UTC)},
		{"Wed Nov 23, 2016 | 4:58pm EST", time.Date(2016, 11, 23, 0, 0, 0, 0, time.UTC)},
		{"20 Jan 2015, 7:34pm EDT", time.Date(2015, 1, 20, 0, 0, 0, 0, time.UTC)},
		{"2016 Oct 10", time.Date(2016, 10, 10, 0, 0, 0, 0, time.UTC)},
		{"APRIL 26, 2016 - 12:25AM EDT", time.Date(2016, 4, 26, 0, 0, 0, 0, time.UTC)},
		{"DEC. 14, 2016, 2:54 AM EST", time.Date(2016, 12, 14, 0, 0, 0, 0, time.UTC)},
		{"December 9th 2016", time.Date(2016, 12, 9, 0, 0, 0, 0, time.UTC)},
		{"June 27, 2016 15:41:4", time.Date(2016, 6, 27, 0, 0, 0, 0, time.UTC)},
		{"December 17, 2016 4:45:51 EST PM", time.Date(2016, 12, 17, 0, 0, 0, 0, time.UTC)},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		src := "<articles><article><dltime>" + tt.dltime + "</dltime><text>x</text></article></articles>"
		docs := readGeo(t, src, "d.xml")
		if got := docs[0].Published; !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("dltime %q: Published %v, want %v", tt.dltime, got, tt.want)
		}
	}
}

// TestReadGeoProblems checks the toponyms and articles that ReadGeo
// moves, skips or trims, and the errors it reports for them beside the
// articles it read.
func TestReadGeoProblems(t *testing.T) {
	const text = "<text>Rain fell on Ghent and Bruges before noon.</text>" // Ghent 13–18, Bruges 23–29
	top := func(name, start, end, rest string) string {
		return "\n<toponyms><toponym><extractedName>" + name + "</extractedName><start>" + start + "</start><end>" + end + "</end>" + rest + "</toponym></toponyms>"
	}
	ghent := []eval.GoldToponym{{Start: 13, End: 18, Name: "Ghent"}}
	bruges := []eval.GoldToponym{{Start: 23, End: 29, Name: "Bruges"}}
	tests := []struct {
		name string
		src  string // one article
		line int    // of the error
		msg  string // in the error
		gold []eval.GoldToponym
	}{
		{"drifted back", text + top("Bruges", "26", "32", ""), 2, `at characters 26–32 reads "ges be"; moved -3 characters`, bruges},
		{"drifted forward", text + top("Ghent", "11", "16", ""), 2, `reads "n Ghe"; moved +2 characters`, ghent},
		{"end wrong", text + top("Ghent", "13", "17", ""), 2, `reads "Ghen"; moved +0 characters`, ghent},
		{"nearest wins", "<text>Ghent, Ghent</text>" + top("Ghent", "5", "10", ""), 2, "moved +2", []eval.GoldToponym{{Start: 7, End: 12, Name: "Ghent"}}},
		{"earlier wins a tie", "<text>Ghent Ghent</text>" + top("Ghent", "3", "8", ""), 2, "moved -3", []eval.GoldToponym{{Start: 0, End: 5, Name: "Ghent"}}},
		{"beyond the text", text + top("Bruges", "24", "60", ""), 2, "is outside the text; moved -1", bruges},
		{"empty span", text + top("Ghent", "13", "13", ""), 2, "is empty; moved +0", ghent},
		{"negative", text + top("Ghent", "-40", "-35", ""), 2, "is outside the text, and the name is not within 32 characters: skipped", nil},
		{"too far", text + top("Ghent", "50", "55", ""), 2, "the name is not within 32 characters: skipped", nil},
		{"not there", text + top("Antwerp", "13", "20", ""), 2, `reads "Ghent a", and the name is not within`, nil},
		{"no end", text + "\n<toponyms><toponym><extractedName>Ghent</extractedName><start>13</start></toponym></toponyms>", 2, "without <start> and <end>", nil},
		{"bad start", text + top("Ghent", "x13", "18", ""), 2, `<start> "x13" is not a number`, nil},
		{"bad end", text + top("Ghent", "13", "\n18.0", ""), 2, `<end> "18.0" is not a number`, nil},
		{"bad latitude", text + top("Ghent", "13", "18", "\n<latitude>95</latitude><longitude>3.7</longitude>"), 3, "latitude \"95\" is not a number from -90 to 90: coordinates dropped", ghent},
		{"bad longitude", text + top("Ghent", "13", "18", "<latitude>51</latitude>\n<longitude>east</longitude>"), 3, "longitude \"east\"", ghent},
		{"latitude only", text + top("Ghent", "13", "18", "<latitude>51</latitude>"), 2, "not both", ghent},
		{"bad id", text + top("Ghent", "13", "18", "\n<geonamesID>G1</geonamesID>"), 3, `GeoNames id "G1"`, ghent},
		{"bad gaztag id", text + top("Ghent", "13", "18", "\n<gaztag geonameid=\"-4\"><lat>51.05</lat><lon>3.71667</lon></gaztag>"), 3, `GeoNames id "-4"`,
			[]eval.GoldToponym{{Start: 13, End: 18, Name: "Ghent", Lat: 51.05, Lon: 3.71667, HasCoords: true}}},
		{"bad date", "\n<dltime>sometime</dltime>" + text, 2, `<dltime> "sometime" holds no date`, nil},
		{"impossible date", "<dltime>\n2016-02-30</dltime>" + text, 1, `<dltime> "2016-02-30" holds no date`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<articles><article file=\"a\">" + tt.src + "</article>\n<article file=\"b\"><text>Fine.</text></article></articles>"
			docs, err := eval.ReadGeo(strings.NewReader(src), "p.xml")
			if len(docs) != 2 || docs[1].ID != "b" {
				t.Fatalf("got %d docs, want 2; error %v", len(docs), err)
			}
			if diff := cmp.Diff(tt.gold, docs[0].Gold); diff != "" {
				t.Errorf("gold (-want +got):\n%s", diff)
			}
			errs := geoErrors(t, err)
			if len(errs) != 1 {
				t.Fatalf("errors %v, want one", err)
			}
			if pe := errs[0]; pe.Kind != parley.Invalid || pe.Input != "p.xml" || pe.Line != tt.line || pe.Op != "eval.ReadGeo" {
				t.Errorf("error %#v, want invalid input at p.xml:%d", pe, tt.line)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not mention %q", err, tt.msg)
			}
		})
	}
}

// geoErrors returns the *parley.Error values joined in err.
func geoErrors(tb testing.TB, err error) []*parley.Error {
	tb.Helper()
	if err == nil {
		return nil
	}
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	var out []*parley.Error
	for _, e := range list {
		pe, ok := e.(*parley.Error)
		if !ok {
			tb.Fatalf("error %T %v is not a *parley.Error", e, e)
		}
		out = append(out, pe)
	}
	return out
}

func TestReadGeoArticleWithoutText(t *testing.T) {
	src := "<articles>\n<article file=\"a\"><title>t</title></article>\n<article><text>Here.</text></article>\n</articles>"
	docs, err := eval.ReadGeo(strings.NewReader(src), "n.xml")
	if len(docs) != 1 || docs[0].ID != "2" || docs[0].Name != "n.xml:2" {
		t.Fatalf("docs %+v, want article 2 alone", docs)
	}
	errs := geoErrors(t, err)
	if len(errs) != 1 || errs[0].Line != 2 || !strings.Contains(err.Error(), "article a has no <text>") {
		t.Errorf("error %v, want one at line 2 for article a", err)
	}
}

func TestReadGeoFatal(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
	}{
		{"empty", "", 0},
		{"plain text", "Paris is in France.", 0},
		{"json", `{"articles": []}`, 0},
		{"no articles", "<articles></articles>", 0},
		{"no text", "<articles><article><title>x</title></article></articles>", 0},
		{"not closed", "<articles>\n<article>\n<text>Paris</text>\n", 4},
		{"mismatched", "<articles>\n<article><text>Paris</txt></article></articles>", 2},
		{"bad entity", "<articles><article>\n<text>Paris &bogus; Rome</text></article></articles>", 2},
		{"invalid UTF-8", "<articles><article><text>Par\xffis</text></article></articles>", 1},
		{"unknown encoding", `<?xml version="1.0" encoding="EBCDIC"?><articles/>`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := eval.ReadGeo(strings.NewReader(tt.src), "bad.xml")
			if docs != nil {
				t.Errorf("docs %v, want none", docs)
			}
			var pe *parley.Error
			if !errors.As(err, &pe) || pe.Kind != parley.Invalid || pe.Input != "bad.xml" || pe.Line != tt.line {
				t.Errorf("error %#v (%v), want invalid input at bad.xml:%d", err, err, tt.line)
			}
		})
	}
	docs, err := eval.ReadGeo(iotest.ErrReader(errors.New("disk on fire")), "bad.xml")
	if docs != nil || parley.KindOf(err) != parley.IO || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("failing reader: got %v, %v; want an I/O error", docs, err)
	}
}

func TestHaversine(t *testing.T) {
	tests := []struct {
		lat1, lon1, lat2, lon2 float64
		want                   float64
	}{
		{0, 0, 0, 0, 0},
		{0, 0, 0, 1, 111.19},
		{0, 179.5, 0, -179.5, 111.19},               // across the antimeridian
		{90, 0, -90, 0, 20015.09},                   // pole to pole
		{48.8566, 2.3522, 51.5074, -0.1278, 343.56}, // Paris–London
		{41.01, 28.95, 50.45, 30.52, 1056.66},       // Istanbul–Kyiv
	}
	for _, tt := range tests {
		got := eval.Haversine(tt.lat1, tt.lon1, tt.lat2, tt.lon2)
		if math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Haversine(%v, %v, %v, %v) = %.2f, want %.2f", tt.lat1, tt.lon1, tt.lat2, tt.lon2, got, tt.want)
		}
		if back := eval.Haversine(tt.lat2, tt.lon2, tt.lat1, tt.lon1); math.Abs(back-got) > 1e-9 {
			t.Errorf("Haversine is not symmetric: %v and %v", got, back)
		}
	}
}

// scoreDoc is a document for the scorer tests: "Paris and Lyon met Nice
// fans in Rome." with gold toponyms Paris and Lyon (with coordinates and
// countries), Nice (locational, no coordinates) and "fans"
// (non-locational).
func scoreDoc() *eval.GeoDoc {
	return &eval.GeoDoc{
		Name: "s:1", ID: "1", Text: "Paris and Lyon met Nice fans in Rome.",
		Gold: []eval.GoldToponym{
			{Start: 0, End: 5, Name: "Paris", Lat: 48.85341, Lon: 2.3488, HasCoords: true, Country: "FR"},
			{Start: 10, End: 14, Name: "Lyon", Lat: 45.74846, Lon: 4.84671, HasCoords: true, Country: "FR"},
			{Start: 19, End: 23, Name: "Nice"},
			{Start: 24, End: 28, Name: "fans", NonLocational: true},
		},
	}
}

func TestScoreGeo(t *testing.T) {
	const kmPerDegree = 6371 * math.Pi / 180
	// auc is the mean of ln(1+d)/ln(20039) over errors d in km.
	auc := func(ds ...float64) float64 {
		s := 0.0
		for _, d := range ds {
			s += math.Log1p(d) / math.Log(20039)
		}
		return math.Round(s/float64(len(ds))*1e4) / 1e4
	}
	paris := eval.GeoPrediction{Start: 0, End: 5, Lat: 48.85341, Lon: 2.3488, Country: "FR", Resolved: true}
	lyon := eval.GeoPrediction{Start: 10, End: 14, Lat: 45.74846, Lon: 4.84671, Country: "fr", Resolved: true}
	near := func(p eval.GeoPrediction, dLat float64) eval.GeoPrediction { p.Lat += dLat; return p }
	tests := []struct {
		name string
		pred []eval.GeoPrediction
		want eval.GeoScore
	}{
		{
			name: "perfect",
			pred: []eval.GeoPrediction{paris, lyon, {Start: 19, End: 23}},
			want: eval.GeoScore{Docs: 1, Toponyms: 2, Resolved: 2, Acc161: 1, CountryAccuracy: 1, MeanErrorKm: 0, AUC: 0,
				RecognitionPrecision: 1, RecognitionRecall: 1, RecognitionF1: 1},
		},
		{
			// 1.4° of latitude is 155.67 km, 1.5° 166.79 km.
			name: "within and beyond 161 km",
			pred: []eval.GeoPrediction{near(paris, 1.4), near(lyon, -1.5), {Start: 19, End: 23}},
			want: eval.GeoScore{Docs: 1, Toponyms: 2, Resolved: 2, Acc161: 0.5, CountryAccuracy: 1, MeanErrorKm: 161.23, AUC: auc(1.4*kmPerDegree, 1.5*kmPerDegree),
				RecognitionPrecision: 1, RecognitionRecall: 1, RecognitionF1: 1},
		},
		{
			name: "missing and unresolved",
			pred: []eval.GeoPrediction{{Start: 0, End: 5, Country: "FR"}},
			want: eval.GeoScore{Docs: 1, Toponyms: 2, Resolved: 0, Acc161: 0, CountryAccuracy: 0.5, MeanErrorKm: 0, AUC: 1,
				RecognitionPrecision: 1, RecognitionRecall: 0.3333, RecognitionF1: 0.5},
		},
		{
			name: "wrong country",
			pred: []eval.GeoPrediction{paris, {Start: 10, End: 14, Lat: 45.74846, Lon: 4.84671, Country: "CH", Resolved: true}},
			want: eval.GeoScore{Docs: 1, Toponyms: 2, Resolved: 2, Acc161: 1, CountryAccuracy: 0.5, MeanErrorKm: 0, AUC: 0,
				RecognitionPrecision: 1, RecognitionRecall: 0.6667, RecognitionF1: 0.8},
		},
		{
			// "Paris and Lyon" and "Rome" are not gold, "fans" is not
			// locational; the second Paris prediction repeats a span.
			name: "extra and missed spans",
			pred: []eval.GeoPrediction{paris, {Start: 0, End: 14, Resolved: true}, {Start: 32, End: 36, Lat: 41.9, Lon: 12.5, Resolved: true}, {Start: 24, End: 28}, near(paris, 10)},
			want: eval.GeoScore{Docs: 1, Toponyms: 2, Resolved: 1, Acc161: 0.5, CountryAccuracy: 0.5, MeanErrorKm: 0, AUC: auc(0, 20039),
				RecognitionPrecision: 0.25, RecognitionRecall: 0.3333, RecognitionF1: 0.2857},
		},
		{
			name: "span off by one",
			pred: []eval.GeoPrediction{{Start: 0, End: 4, Lat: 48.85341, Lon: 2.3488, Country: "FR", Resolved: true}},
			want: eval.GeoScore{Docs: 1, Toponyms: 2, AUC: 1, RecognitionPrecision: 0, RecognitionRecall: 0, RecognitionF1: 0},
		},
		{
			name: "resolved to nowhere",
			pred: []eval.GeoPrediction{{Start: 0, End: 5, Lat: math.NaN(), Lon: 2, Resolved: true}, {Start: 10, End: 14, Lat: 91, Resolved: true}},
			want: eval.GeoScore{Docs: 1, Toponyms: 2, AUC: 1, RecognitionPrecision: 1, RecognitionRecall: 0.6667, RecognitionF1: 0.8},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eval.ScoreGeo([]*eval.GeoDoc{scoreDoc()}, [][]eval.GeoPrediction{tt.pred})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ScoreGeo (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScoreGeoNoGold(t *testing.T) {
	empty := &eval.GeoDoc{Name: "e:1", ID: "1", Text: "Nothing here."}
	if got, want := eval.ScoreGeo(nil, nil), (eval.GeoScore{}); got != want {
		t.Errorf("no documents: %+v, want zero", got)
	}
	got := eval.ScoreGeo([]*eval.GeoDoc{empty, nil}, nil)
	if want := (eval.GeoScore{Docs: 2}); got != want {
		t.Errorf("no gold, no predictions: %+v, want %+v", got, want)
	}
	got = eval.ScoreGeo([]*eval.GeoDoc{empty}, [][]eval.GeoPrediction{{{Start: 0, End: 7, Resolved: true}}, {{Start: 1, End: 2}}})
	if want := (eval.GeoScore{Docs: 1}); got != want {
		t.Errorf("predictions without gold: %+v, want %+v", got, want)
	}
	// Gold without countries: country accuracy has nothing to count.
	d := scoreDoc()
	for i := range d.Gold {
		d.Gold[i].Country = ""
	}
	got = eval.ScoreGeo([]*eval.GeoDoc{d}, [][]eval.GeoPrediction{{{Start: 0, End: 5, Lat: 48.85341, Lon: 2.3488, Country: "FR", Resolved: true}}})
	if got.CountryAccuracy != 0 || got.Acc161 != 0.5 || got.Toponyms != 2 {
		t.Errorf("gold without countries: %+v", got)
	}
}

// goldGeoPredictions returns the gold toponyms of docs as predictions.
func goldGeoPredictions(docs []*eval.GeoDoc) [][]eval.GeoPrediction {
	pred := make([][]eval.GeoPrediction, len(docs))
	for i, d := range docs {
		for _, g := range d.Gold {
			if g.NonLocational {
				continue
			}
			pred[i] = append(pred[i], eval.GeoPrediction{Start: g.Start, End: g.End, Lat: g.Lat, Lon: g.Lon, Country: g.Country, Resolved: g.HasCoords})
		}
	}
	return pred
}

// geoCorpus describes a gold file of ../shared/data/geoparse.
var geoCorpus = []struct {
	file     string
	articles int
	toponyms int // read
	coords   int // of those, with coordinates
	moved    int // spans moved to their name
	skipped  int // toponyms skipped
	located  int // with coordinates and a country after SetCountries
	undated  int // articles without a Published date
}{
	// GeoWebNews: 6,612 toponyms in the file; five (in articles 123 and
	// 255) have negative offsets, two of them with coordinates.
	{"geowebnews.xml", 200, 6607, 2599, 0, 5, 2438, 200},
	// TR-News: 1,319 toponyms; the offsets of 117 miss the phrase, in 19
	// articles: in 17 they drift back by up to ten characters through
	// the article, in two a span ends short ("Kenya" for "Kenyan").
	// Twelve articles have an empty <dltime>.
	{"tr-news.xml", 118, 1319, 1275, 117, 0, 1246, 12},
}

// TestGeoCorpus reads the gold files of ../shared/data/geoparse, checks
// every span against the name in the raw file, and scores the gold
// against itself.
func TestGeoCorpus(t *testing.T) {
	o := loadCorpusOutlines(t)
	for _, c := range geoCorpus {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join("../../shared/data/geoparse", c.file)
			data, err := os.ReadFile(path)
			if os.IsNotExist(err) {
				t.Skipf("skipping: %s not present (the geoparsing gold lives in ../shared/data/geoparse)", path)
			}
			if err != nil {
				t.Fatal(err)
			}
			docs, err := eval.ReadGeo(strings.NewReader(string(data)), c.file)
			if docs == nil {
				t.Fatal(err)
			}
			var moved, skipped int
			for _, e := range geoErrors(t, err) {
				switch {
				case strings.Contains(e.Err.Error(), "moved"):
					moved++
				case strings.Contains(e.Err.Error(), "skipped"):
					skipped++
				default:
					t.Errorf("unexpected problem: %v", e)
				}
			}
			var toponyms, coords, located, undated int
			ids := map[string]bool{}
			for _, d := range docs {
				if ids[d.ID] || d.Name != c.file+":"+d.ID {
					t.Errorf("article %q named %q", d.ID, d.Name)
				}
				ids[d.ID] = true
				if !utf8.ValidString(d.Text) {
					t.Errorf("%s: text is not UTF-8", d.Name)
				}
				if d.Published.IsZero() {
					undated++
				}
				for _, g := range d.Gold {
					toponyms++
					if g.Start < 0 || g.End > len(d.Text) || g.Start >= g.End || d.Text[g.Start:g.End] != g.Name || g.Name == "" {
						t.Errorf("%s: toponym %+v does not fit the text", d.Name, g)
					}
					if g.HasCoords {
						coords++
					}
				}
			}
			if len(docs) != c.articles || toponyms != c.toponyms || coords != c.coords || moved != c.moved || skipped != c.skipped || undated != c.undated {
				t.Errorf("articles, toponyms, with coordinates, moved, skipped, undated = %d, %d, %d, %d, %d, %d; want %d, %d, %d, %d, %d, %d",
					len(docs), toponyms, coords, moved, skipped, undated, c.articles, c.toponyms, c.coords, c.moved, c.skipped, c.undated)
			}
			if o == nil {
				return
			}
			o.SetCountries(docs)
			for _, d := range docs {
				for _, g := range d.Gold {
					if g.HasCoords && g.Country != "" {
						located++
					}
				}
			}
			if located != c.located {
				t.Errorf("%d toponyms with coordinates have a country, want %d", located, c.located)
			}
			score := eval.ScoreGeo(docs, goldGeoPredictions(docs))
			if score.Acc161 != 1 || score.CountryAccuracy != 1 || score.AUC != 0 || score.MeanErrorKm != 0 || score.RecognitionF1 != 1 || score.Resolved != score.Toponyms || score.Toponyms != coords {
				t.Errorf("gold against itself: %+v", score)
			}
			t.Logf("%d articles, %d toponyms, %d with coordinates (%d with a country); %d spans moved, %d toponyms skipped",
				len(docs), toponyms, coords, located, moved, skipped)
		})
	}
}

func FuzzReadGeo(f *testing.F) {
	// Short seeds of each layout: the fuzzer minimizes every new input it
	// finds, which takes long from the full samples.
	for _, s := range []string{
		`<articles><article file="1"><text>Zoë saw Kraków &amp; Łódź</text><toponyms><toponym><extractedName>Kraków</extractedName><type>Literal</type><nonLocational>No</nonLocational><start>8</start><end>14</end><geonamesID>3094802</geonamesID><latitude>50.06</latitude><longitude>19.94</longitude></toponym><toponym><extractedName>Łódź</extractedName><nonLocational>Yes</nonLocational><start>17</start><end>21</end></toponym></toponyms></article></articles>`,
		`<articles><article docid="9"><dltime>Dec 17, 2016 10:00 AM</dltime><text><![CDATA[In Göreme & Izmir]]></text><toponyms count="2"><toponym><phrase>Izmir</phrase><start>14</start><end>19</end><gaztag geonameid="311046"><fcode>PPLA</fcode><lat>38.4</lat><lon>27.1</lon><country geonameid="298795">Turkey</country></gaztag></toponym><toponym><phrase>Göreme</phrase><start>2</start><end>8</end></toponym></toponyms></article></articles>`,
		`<articles><article><text>Near Kisumu and São Paulo.</text><locations><location><name>São Paulo</name><start>16</start><end>25</end><lat>-23.5</lat><lon>-46.6</lon></location></locations></article></articles>`,
		"<articles><article><text>Évora e Faro</text><toponyms><toponym><phrase>Faro</phrase><start>8</start><end>12</end></toponym></toponyms></article></articles>",
		"<articles><article><text>ab</text><locations><location><name>b</name><start>0</start><end>9</end><lat>1</lat></location></locations></article></articles>",
		"<articles><article><text><![CDATA[x]]>&amp;y</text><toponyms><toponym><start>-1</start><end>1</end></toponym></toponyms></article></articles>",
		"<article><text/></article>",
		"plain text",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		docs, err := eval.ReadGeo(strings.NewReader(src), "fuzz")
		lines := strings.Count(src, "\n") + 1
		if err != nil {
			var list []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				list = j.Unwrap()
			} else {
				list = []error{err}
			}
			for _, e := range list {
				pe, ok := e.(*parley.Error)
				if !ok || pe.Kind != parley.Invalid || pe.Input != "fuzz" || pe.Line < 0 || pe.Line > lines {
					t.Fatalf("error %#v (%v), want invalid-input *parley.Error values for fuzz", e, e)
				}
			}
		} else if docs == nil {
			t.Fatal("no documents and no error")
		}
		for _, d := range docs {
			if !utf8.ValidString(d.Text) {
				t.Fatalf("%s: Text %q is not UTF-8", d.Name, d.Text)
			}
			for i, g := range d.Gold {
				if g.Start < 0 || g.End <= g.Start || g.End > len(d.Text) ||
					!utf8.RuneStart(d.Text[g.Start]) || g.End < len(d.Text) && !utf8.RuneStart(d.Text[g.End]) {
					t.Fatalf("%s: toponym %d %+v in %q", d.Name, i, g, d.Text)
				}
				if g.Name != d.Text[g.Start:g.End] {
					t.Fatalf("%s: toponym %d named %q covers %q", d.Name, i, g.Name, d.Text[g.Start:g.End])
				}
				if g.HasCoords && (math.IsNaN(g.Lat) || g.Lat < -90 || g.Lat > 90 || math.IsNaN(g.Lon) || g.Lon < -180 || g.Lon > 180) {
					t.Fatalf("%s: toponym %d at %v, %v", d.Name, i, g.Lat, g.Lon)
				}
			}
		}
		if s := eval.ScoreGeo(docs, goldGeoPredictions(docs)); s.Toponyms > 0 && (s.Acc161 != 1 || s.AUC != 0) {
			t.Fatalf("gold against itself: %+v", s)
		}
	})
}

// TestToponym: GeoWebNews's location expressions and non-toponyms are not
// given to the resolver; every other type, and the other formats' gold
// (no type), are.
func TestToponym(t *testing.T) {
	for typ, want := range map[string]bool{
		"Literal": true, "Metonymic": true, "Demonym": true, "Non_Literal_Modifier": true, "": true,
		"Literal_Expression": false, "Non_Lit_Expression": false, "Non_Toponym": false,
	} {
		if got := (eval.GoldToponym{Type: typ}).Toponym(); got != want {
			t.Errorf("Toponym() of a %q toponym = %v, want %v", typ, got, want)
		}
	}
}
