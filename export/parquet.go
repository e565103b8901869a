package export

import (
	"io"

	"github.com/parley-events/parley"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"
)

// parquetRow is one event in the Parquet export: the CSV export's columns
// with typed numbers, and the counts of a fused event.
type parquetRow struct {
	ID           string   `parquet:"id"`
	DocID        string   `parquet:"doc_id"`
	Date         string   `parquet:"date"` // YYYY-MM-DD: the event's, else its document's; "" when neither is known
	Source       string   `parquet:"source,dict"`
	SourceText   string   `parquet:"source_text"`
	Target       string   `parquet:"target,dict"`
	TargetText   string   `parquet:"target_text"`
	Code         string   `parquet:"code,dict"`
	Root         string   `parquet:"root,dict"`
	QuadClass    int32    `parquet:"quad_class"`
	Goldstein    float64  `parquet:"goldstein"`
	Plover       string   `parquet:"plover,dict"`
	Mode         string   `parquet:"mode,dict"`
	ReportedBy   string   `parquet:"reported_by,dict"`
	Confidence   float64  `parquet:"confidence"`
	Trigger      string   `parquet:"trigger"`
	Pattern      string   `parquet:"pattern,dict"`
	Sentence     string   `parquet:"sentence"`
	URL          string   `parquet:"url"`
	Place        string   `parquet:"place,dict"`
	PlaceCountry string   `parquet:"place_country,dict"`
	Lat          *float64 `parquet:"lat,optional"`
	Lon          *float64 `parquet:"lon,optional"`
	GeoNameID    int64    `parquet:"geonameid"`
	NumMentions  int32    `parquet:"num_mentions"`
	NumArticles  int32    `parquet:"num_articles"`
	NumSources   int32    `parquet:"num_sources"`
}

// parquetWriter writes events as one Parquet file (zstd-compressed
// columns), buffering rows in row groups; Flush ends the file.
type parquetWriter struct {
	pw  *parquet.GenericWriter[parquetRow]
	buf []parquetRow
}

func newParquet(w io.Writer) *parquetWriter {
	return &parquetWriter{pw: parquet.NewGenericWriter[parquetRow](w, parquet.Compression(&zstd.Codec{}))}
}

func (p *parquetWriter) Write(d *parley.Doc) error {
	for k := range d.Events {
		if err := p.WriteRecord(d, NewRecord(d, k)); err != nil {
			return err
		}
	}
	return nil
}

func (p *parquetWriter) WriteRecord(d *parley.Doc, r Record) error {
	mentions, sources, articles := max(r.NumMentions, 1), max(r.NumSources, 1), max(r.NumArticles, 1)
	row := parquetRow{
		ID: r.ID, DocID: r.DocID, Date: dateOf(r.Event, d), Source: r.Source, SourceText: r.SourceText,
		Target: r.Target, TargetText: r.TargetText, Code: r.Code, Root: r.Root, QuadClass: int32(r.QuadClass),
		Goldstein: r.Goldstein, Plover: r.Plover, Mode: string(r.Mode), ReportedBy: r.ReportedBy,
		Confidence: r.Confidence, Trigger: r.TriggerText, Pattern: r.Pattern, Sentence: r.Text, URL: r.URL,
		NumMentions: int32(mentions), NumArticles: int32(articles), NumSources: int32(sources),
	}
	if l := r.Location; l != nil {
		lat, lon := l.Lat, l.Lon
		row.Place, row.PlaceCountry, row.Lat, row.Lon, row.GeoNameID = l.Name, l.Country, &lat, &lon, int64(l.GeoNameID)
	}
	p.buf = append(p.buf, row)
	if len(p.buf) >= 4096 {
		return p.drain()
	}
	return nil
}

func (p *parquetWriter) drain() error {
	if len(p.buf) == 0 {
		return nil
	}
	_, err := p.pw.Write(p.buf)
	p.buf = p.buf[:0]
	return err
}

func (p *parquetWriter) Flush() error {
	if err := p.drain(); err != nil {
		return err
	}
	return p.pw.Close()
}
