package eval

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// This file reads TimeML files (`parley eval timeml`): TimeBank 1.2 as
// cleaned for TempEval-3, news articles with a document creation time and
// gold TIMEX3 annotations. It scores a temporal expression tagger against
// them the way TempEval-3 scores task A's temporal expressions (UzZaman et
// al. 2013): relaxed and strict span match, type accuracy and value F1.
//
// A TimeML file looks like this:
//
//	<?xml version="1.0" ?>
//	<TimeML …>
//	<DOCID>ABC19980108.1830.0711</DOCID>
//	<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
//	<TEXT>
//	… <EVENT eid="e1" class="OCCURRENCE">turning</EVENT> out to be another very
//	bad financial <TIMEX3 tid="t83" type="DURATION" value="P1W">week</TIMEX3> …
//	</TEXT>
//	<MAKEINSTANCE …/> <TLINK …/> …
//	</TimeML>

// TimeMLDoc is one TimeML file: its document creation time and the text
// of its <TEXT> element with the gold TIMEX3 annotations inside it.
type TimeMLDoc struct {
	Name string    // the name given to ReadTimeML
	ID   string    // the <DOCID> content with surrounding white space trimmed, or Name when absent or empty
	DCT  time.Time // the value of the TIMEX3 in <DCT>, a date or a date-time, in UTC
	// Text is the content of <TEXT> with every tag removed and entities
	// and character references decoded (&amp; → &), nothing else
	// changed, except that XML itself reads the line ends "\r\n" and "\r"
	// as "\n". It is valid UTF-8.
	Text string
	Gold []GoldTimex // the TIMEX3 elements inside <TEXT>, in document order
}

// GoldTimex is a gold temporal expression: byte offsets into TimeMLDoc.Text
// and its TIMEX3 type and value.
type GoldTimex struct {
	Start, End int    // the TIMEX3's text, Text[Start:End], never empty
	Type       string // the type attribute, trimmed: DATE, TIME, DURATION, SET
	Value      string // the value attribute, trimmed: 1998-01-08, P1W, PRESENT_REF, …
}

// ReadTimeML reads a TimeML file from r to the end. Name identifies the
// input in errors, typically the file name.
//
// The file must be well-formed XML (the five XML entities, character
// references and the HTML entities such as &nbsp; are decoded; an
// encoding declaration may name UTF-8, US-ASCII or ISO-8859-1). It needs
// one <DCT> element whose first TIMEX3 has a value attribute of the form
// 2006-01-02, 2006-01-02T15:04, 2006-01-02T15:04:05 or RFC 3339, and one
// <TEXT> element, anywhere in the file. Inside <TEXT> every tag (EVENT,
// SIGNAL, TIMEX3, …) is removed and its text kept; each TIMEX3 becomes a
// GoldTimex, nested ones too, except an empty one (TimeML's non-consuming
// timexes), which is not a mention in the text. TIMEX3 elements outside
// <TEXT> and <DCT>, and the links and instances after <TEXT>, are ignored.
//
// Errors are *parley.Error values naming name: of kind parley.IO when
// reading r fails, of kind parley.Invalid when the file is not
// well-formed XML, has no DCT value that parses, no <TEXT> or more than
// one <DCT> or <TEXT>. Line gives the line of the problem when there is
// one.
func ReadTimeML(r io.Reader, name string) (*TimeMLDoc, error) {
	const op = "eval.ReadTimeML"
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &parley.Error{Op: op, Kind: parley.IO, Input: name, Err: err}
	}
	invalid := func(line int, format string, args ...any) error {
		return &parley.Error{Op: op, Kind: parley.Invalid, Input: name, Line: line, Err: fmt.Errorf(format, args...)}
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Entity = xml.HTMLEntity
	d.CharsetReader = timeMLCharset

	doc := &TimeMLDoc{Name: name}
	var (
		text     strings.Builder
		elements int // start tags read
		docID    strings.Builder
		inDocID  int     // depth inside <DOCID>, 0 outside
		inDCT    int     // depth inside <DCT>, 0 outside
		dctLine  int     // line of <DCT>, 0 before it
		dctValue *string // value of the first TIMEX3 with one in <DCT>, nil before it
		dctAt    int     // line of the DCT's TIMEX3
		inText   int     // depth inside <TEXT>, 0 outside
		textLine int     // line of <TEXT>, 0 before it
		open     []int   // indices into doc.Gold of the open TIMEX3 elements inside <TEXT>
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, invalid(se.Line, "not well-formed XML: %s", se.Msg)
			}
			line, _ := d.InputPos()
			return nil, invalid(line, "not well-formed XML: %v", err)
		}
		line, _ := d.InputPos()
		switch t := tok.(type) {
		case xml.StartElement:
			elements++
			switch {
			case inText > 0:
				inText++
				if t.Name.Local == "TEXT" {
					return nil, invalid(line, "<TEXT> inside <TEXT>")
				}
				if t.Name.Local == "TIMEX3" {
					typ, _ := attr(t.Attr, "type")
					value, _ := attr(t.Attr, "value")
					open = append(open, len(doc.Gold))
					doc.Gold = append(doc.Gold, GoldTimex{Start: text.Len(), End: -1, Type: strings.TrimSpace(typ), Value: strings.TrimSpace(value)})
				}
			case inDCT > 0:
				inDCT++
				if t.Name.Local == "TIMEX3" && dctValue == nil {
					if v, ok := attr(t.Attr, "value"); ok {
						dctValue, dctAt = &v, line
					}
				}
			case inDocID > 0:
				inDocID++
			case t.Name.Local == "TEXT":
				if textLine > 0 {
					return nil, invalid(line, "more than one <TEXT>: the first is on line %d", textLine)
				}
				inText, textLine = 1, line
			case t.Name.Local == "DCT":
				if dctLine > 0 {
					return nil, invalid(line, "more than one <DCT>: the first is on line %d", dctLine)
				}
				inDCT, dctLine = 1, line
			case t.Name.Local == "DOCID":
				inDocID = 1
			}
		case xml.EndElement:
			switch {
			case inText > 0:
				inText--
				if t.Name.Local == "TIMEX3" && inText > 0 && len(open) > 0 {
					g := open[len(open)-1]
					open = open[:len(open)-1]
					doc.Gold[g].End = text.Len()
				}
			case inDCT > 0:
				inDCT--
			case inDocID > 0:
				inDocID--
			}
		case xml.CharData:
			switch {
			case inText > 0:
				text.Write(t)
			case inDocID > 0:
				docID.Write(t)
			}
		}
	}
	switch {
	case elements == 0:
		return nil, invalid(0, "not TimeML: no XML element")
	case dctLine == 0:
		return nil, invalid(0, "no <DCT> element")
	case dctValue == nil:
		return nil, invalid(dctLine, "<DCT> has no TIMEX3 with a value")
	case textLine == 0:
		return nil, invalid(0, "no <TEXT> element")
	}
	doc.DCT, err = parseDCT(*dctValue)
	if err != nil {
		return nil, invalid(dctAt, "DCT value %q is not a date (2006-01-02) or date-time (2006-01-02T15:04:05)", *dctValue)
	}
	doc.ID = strings.TrimSpace(docID.String())
	if doc.ID == "" {
		doc.ID = name
	}
	doc.Text = text.String()
	doc.Gold = slices.DeleteFunc(doc.Gold, func(g GoldTimex) bool { return g.End <= g.Start })
	return doc, nil
}

// dctLayouts are the forms of a DCT value that parseDCT accepts.
var dctLayouts = []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04", time.RFC3339Nano}

// parseDCT parses a DCT value; a value without a zone is read as UTC.
func parseDCT(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dctLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, errors.New("not a date")
}

// timeMLCharset lets the XML decoder read files declared as US-ASCII or
// ISO-8859-1 (Latin-1); any other declared encoding but UTF-8 is an error.
func timeMLCharset(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "us-ascii", "ascii":
		return input, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1":
		data, err := io.ReadAll(input)
		if err != nil {
			return nil, err
		}
		runes := make([]rune, len(data))
		for i, b := range data {
			runes[i] = rune(b)
		}
		return strings.NewReader(string(runes)), nil
	}
	return nil, fmt.Errorf("unsupported encoding %q", charset)
}

// TimexPrediction is a system's temporal expression: byte offsets into the
// document's Text, type and value.
type TimexPrediction struct {
	Start, End int
	Type       string
	Value      string
}

// TimeMLScore is the result of ScoreTimeML. Precision, recall, F1 and
// accuracy are fractions from 0 to 1 rounded to four decimals, 0 when
// undefined (nothing to divide by).
type TimeMLScore struct {
	Files     int `json:"files"`     // documents scored
	Gold      int `json:"gold"`      // gold temporal expressions
	Predicted int `json:"predicted"` // predicted temporal expressions

	StrictP  float64 `json:"strict_precision"` // exact-span matches / Predicted
	StrictR  float64 `json:"strict_recall"`    // exact-span matches / Gold
	StrictF1 float64 `json:"strict_f1"`

	RelaxedP  float64 `json:"relaxed_precision"` // overlap matches / Predicted
	RelaxedR  float64 `json:"relaxed_recall"`    // overlap matches / Gold
	RelaxedF1 float64 `json:"relaxed_f1"`

	TypeAccuracy float64 `json:"type_accuracy"` // overlap matches of the same type / overlap matches

	ValueP  float64 `json:"value_precision"` // overlap matches of the same value / Predicted
	ValueR  float64 `json:"value_recall"`    // overlap matches of the same value / Gold
	ValueF1 float64 `json:"value_f1"`
}

// ScoreTimeML scores predicted temporal expressions against the gold ones
// of docs, as TempEval-3 does: pred[i] holds the predictions for docs[i];
// a pred shorter than docs means no predictions for the documents beyond
// it, and predictions beyond the last document are ignored. The DCT is
// not scored. Figures are micro-averaged over all documents.
//
// Gold and predicted expressions are matched one to one, in two passes
// per document: first each gold expression (in document order) takes the
// first unused prediction with exactly its span (a strict match); then
// each gold expression still unmatched takes the first unused prediction,
// in order of start offset, that overlaps it, sharing at least one byte.
// Strict matches and these make the relaxed matches, so a prediction
// that covers two gold expressions counts for one of them only, and
// strict figures never exceed relaxed ones. A prediction with an empty
// or inverted span matches nothing but counts as a prediction.
//
// Over the relaxed matches, types are compared ignoring case, and values
// with surrounding white space trimmed and ignoring case ("pxd" equals
// "PXD"). Value precision and recall count the matches whose values are
// equal against all predictions and all gold expressions, so the value
// F1 falls with both span and value errors.
func ScoreTimeML(docs []*TimeMLDoc, pred [][]TimexPrediction) TimeMLScore {
	var s TimeMLScore
	var strict, relaxed, sameType, sameValue int
	for i, doc := range docs {
		s.Files++
		var gold []GoldTimex
		if doc != nil {
			gold = doc.Gold
		}
		var p []TimexPrediction
		if i < len(pred) {
			p = pred[i]
		}
		s.Gold += len(gold)
		s.Predicted += len(p)
		// order holds the indices of the usable predictions by start offset.
		order := make([]int, 0, len(p))
		for j, x := range p {
			if x.Start < x.End {
				order = append(order, j)
			}
		}
		slices.SortStableFunc(order, func(a, b int) int {
			return cmp.Or(cmp.Compare(p[a].Start, p[b].Start), cmp.Compare(p[a].End, p[b].End))
		})
		used := make([]bool, len(p))
		match := make([]int, len(gold)) // the prediction matched to each gold expression, or -1
		for g := range match {
			match[g] = -1
		}
		for g, x := range gold {
			for _, j := range order {
				if !used[j] && p[j].Start == x.Start && p[j].End == x.End {
					used[j], match[g] = true, j
					strict++
					break
				}
			}
		}
		for g, x := range gold {
			if match[g] >= 0 {
				continue
			}
			for _, j := range order {
				if !used[j] && p[j].Start < x.End && x.Start < p[j].End {
					used[j], match[g] = true, j
					break
				}
			}
		}
		for g, x := range gold {
			j := match[g]
			if j < 0 {
				continue
			}
			relaxed++
			if strings.EqualFold(strings.TrimSpace(x.Type), strings.TrimSpace(p[j].Type)) {
				sameType++
			}
			if strings.EqualFold(strings.TrimSpace(x.Value), strings.TrimSpace(p[j].Value)) {
				sameValue++
			}
		}
	}
	s.StrictP, s.StrictR, s.StrictF1 = fraction(strict, s.Predicted), fraction(strict, s.Gold), fraction(2*strict, s.Predicted+s.Gold)
	s.RelaxedP, s.RelaxedR, s.RelaxedF1 = fraction(relaxed, s.Predicted), fraction(relaxed, s.Gold), fraction(2*relaxed, s.Predicted+s.Gold)
	s.TypeAccuracy = fraction(sameType, relaxed)
	s.ValueP, s.ValueR, s.ValueF1 = fraction(sameValue, s.Predicted), fraction(sameValue, s.Gold), fraction(2*sameValue, s.Predicted+s.Gold)
	return s
}
