package eval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
)

// This file reads the PETRARCH validation files (`parley eval petrarch`):
// the unit-test records of PETRARCH 2 (Stanford constituency parses) and
// of Universal-PETRARCH (CoNLL-U parses), and the GigaWord sample, which
// has the same layout without expected codings. It scores an event coder
// against their expected (source, target, event code) triples.
//
// A validation file looks like this (PETRARCH's own description is in the
// docstring of open_validation_file in petrarch2's petrarch.py):
//
//	<Validation>
//	<Environment>
//	    <Verbfile>PETR.Validate.verbs.txt</Verbfile>
//	    <Actorfile>PETR.Validate.actors.txt</Actorfile>
//	    <Agentfile>…</Agentfile> <Discardfile>…</Discardfile> <Errorfile>…</Errorfile>
//	    <Include>valid DEMO ACTOR …</Include>
//	    <Pause>Stop</Pause>
//	    <Config option="stop_on_error" value="True"></Config>
//	</Environment>
//	<Sentences>
//	<Config option="new_actor_length" value="4"></Config>
//	<Sentence date="19950101" id="DEMO-01" category="DEMO" sentence="true">
//	<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
//	<Text> … </Text>
//	<Parse> … </Parse>
//	</Sentence>
//	…
//	</Sentences>
//	</Validation>

// PetrarchFile is a PETRARCH validation file as ReadPetrarch reads it.
type PetrarchFile struct {
	Name        string              // the name given to ReadPetrarch
	Environment PetrarchEnvironment // the <Environment> block; zero when absent
	Records     []PetrarchRecord    // the well-formed <Sentence> records, in file order
}

// PetrarchEnvironment is the <Environment> block of a validation file: the
// dictionaries the expected codings were made with and the test options.
// File names are as given, without a directory.
type PetrarchEnvironment struct {
	Verbs    string   `json:"verbs,omitempty"`    // <Verbfile>
	Actors   []string `json:"actors,omitempty"`   // <Actorfile>, split at commas (PETRARCH allows a list)
	Agents   string   `json:"agents,omitempty"`   // <Agentfile>
	Discards string   `json:"discards,omitempty"` // <Discardfile>
	Errors   string   `json:"errors,omitempty"`   // <Errorfile>: PETRARCH's error log, unused here

	// Include lists the categories of <Include>, the records PETRARCH
	// evaluates (see ScorePetrarch); nil when there is no <Include>. The
	// word "valid" is not a category: it asks TABARI and PETRARCH to
	// evaluate only records marked valid="true", and sets ValidOnly
	// instead. No record of the unit-test files has a valid attribute, so
	// taken literally the flag would leave nothing to score; ScorePetrarch
	// ignores it.
	Include   []string `json:"include,omitempty"`
	ValidOnly bool     `json:"valid_only,omitempty"`

	Pause string `json:"pause,omitempty"` // <Pause>: when PETRARCH's test run pauses

	// Other holds the text of any other element of the block by tag name
	// (<Exclude>, Universal-PETRARCH's <PICOfile>, …). <Config> elements
	// are not kept here: they set the options of the records that follow.
	Other map[string]string `json:"other,omitempty"`
}

// PetrarchRecord is one <Sentence> record.
type PetrarchRecord struct {
	// ID is the record's id attribute, unique within the file: the n-th
	// record (n ≥ 2) with an id already seen gets "#n" appended
	// ("AGENTS-18#2"). The unit-test files reuse AGENTS-18 and AGENTS-19,
	// the GigaWord sample GOLD_9.
	ID string
	// Category is the category attribute, or, when the record has none,
	// its source attribute: Universal-PETRARCH's copy of the unit tests
	// renamed category to source. In the GigaWord sample, which has only
	// source, it is the news agency.
	Category string
	Source   string    // the source attribute, as given
	Date     time.Time // the date attribute, YYYYMMDD, at midnight UTC
	// Sentence is the sentence attribute ("true" ignoring case): in
	// PETRARCH's input format, whether the id ends in a sentence number.
	// It says nothing about the expected coding.
	Sentence bool

	// Text is the <Text> content, entities decoded, with surrounding white
	// space trimmed and every run of white space (the file's line breaks
	// included) replaced by one space. It may be empty when the record has
	// a parse, which is what PETRARCH codes from: nine records of the
	// GigaWord sample (TEST_1 to TEST_9) have an empty <Text>.
	Text string
	// Parse is the <Parse> content with entities decoded and nothing else
	// changed: a Penn Treebank tree, or CoNLL-U lines (see CoNLLU); "" when
	// the record has no <Parse>.
	Parse string

	// Options holds the coder options in force for the record: every
	// <Config option="…" value="…"> read before it (in the <Environment>,
	// between records or inside the record), the later overriding the
	// earlier, with names and values as written. An option no <Config>
	// set is absent: the coder's default applies. Nil when there are none.
	// See OptionBool and OptionInt for PETRARCH's reading of the values.
	Options map[string]string

	// Gold holds the expected events, one per <EventCoding> with an
	// eventcode, in file order; see Triple. It is empty when the record
	// expects no events: an <EventCoding noevents="…">, an <EventCoding
	// error="…">, or no <EventCoding> at all (which PETRARCH reads as no
	// events too).
	Gold []Triple
	// NoEvents reports an <EventCoding> with a noevents attribute (of any
	// value: PETRARCH only checks that it is there).
	NoEvents bool
	// Error is the error attribute of an <EventCoding error="…">: the
	// record tests that the coder detects a problem ("dateline",
	// "bad_input_parse", "storydiscard", "sentencediscard") and codes no
	// event.
	Error string
	// Coded reports whether the record has at least one <EventCoding>:
	// false for every record of the GigaWord sample, which has no gold.
	Coded bool

	Line int // line of the <Sentence> tag, 1-based
}

// Triple is a coded event as PETRARCH writes it: the source and target
// actor codes and the CAMEO event code.
//
// Codes are as written, with surrounding white space trimmed. An actor
// code "---" means no actor; PETRARCH also writes "---" for a missing
// country before an agent ("---GOV": an unidentified government). An
// actor missing or empty in the file is read as "---". A new actor that
// PETRARCH extracts from the text when the option new_actor_length allows
// it is written as the quoted text, quotes included
// (`"THE MINISTRY OF MAGIC"`), and "###" is TABARI's discard code.
type Triple struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

// ReadPetrarch reads a PETRARCH validation file from r to the end. Name
// identifies the input in errors, typically the file name.
//
// The file is scanned for its top-level elements: <Environment>,
// <Config> and <Sentence>; comments, the enclosing <Validation> and
// <Sentences> tags and anything else are skipped, and a <Stop> element
// outside a record ends the file, as it ends PETRARCH's test run. Each
// element is then decoded on its own with encoding/xml, strictly, and,
// when that fails, again in non-strict mode (which accepts a bare "&",
// HTML entities, unquoted attribute values and mismatched or missing end
// tags) with invalid UTF-8 replaced by U+FFFD. So a record that is not
// well-formed XML costs that record only; the three files in
// ../shared/data/petrarch are well-formed and decode strictly.
//
// A record needs a non-empty id, a date of the form YYYYMMDD (PETRARCH
// skips records without one), one <Text> and at most one <Parse>, not both
// empty. Each <EventCoding> needs a noevents, error or eventcode
// attribute, and a record may not mix expected events with noevents or
// error. A <Config> needs option and value attributes. A record or
// <Config> that breaks these rules, or that is not XML, is skipped and
// reported.
//
// ReadPetrarch returns the file with every record it could read. When it
// skipped something, it returns the file together with a non-nil error
// that joins (errors.Join) one *parley.Error of kind parley.Invalid per
// skipped element, naming name and the element's line. It returns a nil
// file only when reading r fails (kind parley.IO) or when r holds no
// readable record (kind parley.Invalid).
func ReadPetrarch(r io.Reader, name string) (*PetrarchFile, error) {
	const op = "eval.ReadPetrarch"
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &parley.Error{Op: op, Kind: parley.IO, Input: name, Err: err}
	}
	p := petrarchReader{src: string(data), name: name, f: &PetrarchFile{Name: name}, ids: map[string]int{}, lineNo: 1}
	p.run()
	if len(p.f.Records) == 0 {
		errs := append([]error{&parley.Error{Op: op, Kind: parley.Invalid, Input: name, Err: errors.New("no readable <Sentence> record")}}, p.errs...)
		return nil, errors.Join(errs...)
	}
	return p.f, errors.Join(p.errs...)
}

// petrarchReader holds the state of one ReadPetrarch call.
type petrarchReader struct {
	src     string
	name    string
	f       *PetrarchFile
	errs    []error
	options map[string]string // the options in force
	ids     map[string]int    // occurrences of each id attribute

	lineOff, lineNo int // line counter: src[:lineOff] holds lineNo-1 newlines
}

// line returns the 1-based line of byte offset off.
func (p *petrarchReader) line(off int) int {
	if off < p.lineOff {
		p.lineOff, p.lineNo = 0, 1
	}
	p.lineNo += strings.Count(p.src[p.lineOff:off], "\n")
	p.lineOff = off
	return p.lineNo
}

// fail records a problem at line.
func (p *petrarchReader) fail(line int, format string, args ...any) {
	p.errs = append(p.errs, &parley.Error{Op: "eval.ReadPetrarch", Kind: parley.Invalid, Input: p.name, Line: line, Err: fmt.Errorf(format, args...)})
}

// run scans the whole source.
func (p *petrarchReader) run() {
	s := p.src
	pos := 0
	for {
		i := strings.IndexByte(s[pos:], '<')
		if i < 0 {
			return
		}
		at := pos + i
		rest := s[at:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(s[at+4:], "-->")
			if end < 0 {
				p.fail(p.line(at), "comment never ends")
				return
			}
			pos = at + 4 + end + 3
			continue
		case strings.HasPrefix(rest, "<![CDATA["):
			end := strings.Index(s[at:], "]]>")
			if end < 0 {
				return
			}
			pos = at + end + 3
			continue
		case strings.HasPrefix(rest, "<?"):
			end := strings.Index(s[at:], "?>")
			if end < 0 {
				return
			}
			pos = at + end + 2
			continue
		case strings.HasPrefix(rest, "</"), strings.HasPrefix(rest, "<!"):
			pos = skipTag(s, at)
			continue
		}
		name := tagName(s, at+1)
		switch name {
		case "Environment", "Config", "Sentence":
			pos = p.element(at, name)
		case "Stop":
			return
		default:
			pos = skipTag(s, at)
		}
	}
}

// element reads the element <name …> starting at byte at and returns the
// offset to go on from.
func (p *petrarchReader) element(at int, name string) int {
	s := p.src
	line := p.line(at)
	tagEnd := startTagEnd(s, at)
	if tagEnd < 0 {
		p.fail(line, "<%s> tag never ends", name)
		return at + 1
	}
	end := tagEnd + 1
	if s[tagEnd-1] != '/' {
		var ok bool
		end, ok = closeTag(s, tagEnd+1, name)
		if !ok {
			p.fail(line, "<%s> without </%s>", name, name)
			if name == "Environment" {
				return tagEnd + 1 // read the elements inside on their own
			}
			return end
		}
	}
	chunk := s[at:end]
	switch name {
	case "Environment":
		p.environment(chunk, line)
	case "Config":
		c, err := decodeLenient[petrarchConfigXML](chunk)
		if err != nil {
			p.fail(errLine(err, line), "<Config>: %v", xmlMessage(err))
		} else {
			p.config(c, line)
		}
	case "Sentence":
		p.record(chunk, line)
	}
	return end
}

// petrarchConfigXML is a <Config> element.
type petrarchConfigXML struct {
	Attrs []xml.Attr `xml:",any,attr"`
}

// config applies a <Config> element read at line.
func (p *petrarchReader) config(c petrarchConfigXML, line int) bool {
	option, okOpt := attr(c.Attrs, "option")
	value, okVal := attr(c.Attrs, "value")
	option = strings.TrimSpace(option)
	if !okOpt || option == "" || !okVal {
		p.fail(line, "<Config> needs option and value attributes")
		return false
	}
	if p.options == nil {
		p.options = map[string]string{}
	}
	p.options[option] = strings.TrimSpace(value)
	return true
}

// petrarchEnvironmentXML is an <Environment> element.
type petrarchEnvironmentXML struct {
	Items []struct {
		XMLName xml.Name
		Attrs   []xml.Attr `xml:",any,attr"`
		Text    string     `xml:",chardata"`
	} `xml:",any"`
}

// environment reads the <Environment> block chunk, which starts at line.
func (p *petrarchReader) environment(chunk string, line int) {
	x, err := decodeLenient[petrarchEnvironmentXML](chunk)
	if err != nil {
		p.fail(errLine(err, line), "<Environment>: %v", xmlMessage(err))
		return
	}
	env := &p.f.Environment
	for _, it := range x.Items {
		text := strings.TrimSpace(it.Text)
		switch it.XMLName.Local {
		case "Verbfile":
			env.Verbs = text
		case "Actorfile":
			env.Actors = nil
			for a := range strings.SplitSeq(text, ",") {
				if a = strings.TrimSpace(a); a != "" {
					env.Actors = append(env.Actors, a)
				}
			}
		case "Agentfile":
			env.Agents = text
		case "Discardfile":
			env.Discards = text
		case "Errorfile":
			env.Errors = text
		case "Include":
			env.Include = []string{}
			for _, c := range strings.Fields(text) {
				if c == "valid" {
					env.ValidOnly = true
				} else {
					env.Include = append(env.Include, c)
				}
			}
		case "Pause":
			env.Pause = text
		case "Config":
			p.config(petrarchConfigXML{Attrs: it.Attrs}, line)
		default:
			if env.Other == nil {
				env.Other = map[string]string{}
			}
			env.Other[it.XMLName.Local] = text
		}
	}
}

// petrarchRecordXML is a <Sentence> element.
type petrarchRecordXML struct {
	Attrs   []xml.Attr `xml:",any,attr"`
	Codings []struct {
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"EventCoding"`
	Texts   []string            `xml:"Text"`
	Parses  []string            `xml:"Parse"`
	Configs []petrarchConfigXML `xml:"Config"`
}

// record reads the <Sentence> element chunk, which starts at line.
func (p *petrarchReader) record(chunk string, line int) {
	x, err := decodeLenient[petrarchRecordXML](chunk)
	if err != nil {
		p.fail(errLine(err, line), "<Sentence>: %v", xmlMessage(err))
		return
	}
	for _, c := range x.Configs {
		p.config(c, line)
	}
	rec := PetrarchRecord{Line: line}
	id, _ := attr(x.Attrs, "id")
	id = strings.TrimSpace(id)
	if id == "" {
		p.fail(line, "<Sentence> without an id")
		return
	}
	date, _ := attr(x.Attrs, "date")
	t, err := time.Parse("20060102", strings.TrimSpace(date))
	if err != nil {
		p.fail(line, "record %s: date %q is not YYYYMMDD", id, date)
		return
	}
	rec.Date = t
	rec.Category, _ = attr(x.Attrs, "category")
	rec.Source, _ = attr(x.Attrs, "source")
	rec.Category, rec.Source = strings.TrimSpace(rec.Category), strings.TrimSpace(rec.Source)
	if rec.Category == "" {
		rec.Category = rec.Source
	}
	sent, _ := attr(x.Attrs, "sentence")
	rec.Sentence = strings.EqualFold(strings.TrimSpace(sent), "true")

	switch len(x.Texts) {
	case 0:
		p.fail(line, "record %s has no <Text>", id)
		return
	case 1:
	default:
		p.fail(line, "record %s has %d <Text> elements, want one", id, len(x.Texts))
		return
	}
	rec.Text = strings.Join(strings.Fields(x.Texts[0]), " ")
	if len(x.Parses) > 1 {
		p.fail(line, "record %s has %d <Parse> elements, want at most one", id, len(x.Parses))
		return
	}
	if len(x.Parses) == 1 {
		rec.Parse = x.Parses[0]
	}
	if rec.Text == "" && strings.TrimSpace(rec.Parse) == "" {
		p.fail(line, "record %s has neither text nor parse", id)
		return
	}

	for _, c := range x.Codings {
		rec.Coded = true
		_, noEvents := attr(c.Attrs, "noevents")
		errName, isErr := attr(c.Attrs, "error")
		code, hasCode := attr(c.Attrs, "eventcode")
		code = strings.TrimSpace(code)
		switch {
		case noEvents:
			rec.NoEvents = true
		case isErr:
			rec.Error = strings.TrimSpace(errName)
		case hasCode && code != "":
			src, _ := attr(c.Attrs, "sourcecode")
			tgt, _ := attr(c.Attrs, "targetcode")
			rec.Gold = append(rec.Gold, Triple{Source: petrarchActor(src), Target: petrarchActor(tgt), Code: code})
		default:
			p.fail(line, "record %s: <EventCoding> without noevents, error or eventcode", id)
			return
		}
	}
	if len(rec.Gold) > 0 && (rec.NoEvents || rec.Error != "") {
		p.fail(line, "record %s expects events and also no events (noevents or error)", id)
		return
	}

	p.ids[id]++
	if n := p.ids[id]; n > 1 {
		id += "#" + strconv.Itoa(n)
	}
	rec.ID = id
	if len(p.options) > 0 {
		rec.Options = maps.Clone(p.options)
	}
	p.f.Records = append(p.f.Records, rec)
}

// petrarchActor normalizes an actor code of the file or of a prediction:
// white space trimmed, "---" for none.
func petrarchActor(code string) string {
	code = strings.TrimSpace(code)
	if code == "" {
		return "---"
	}
	return code
}

// OptionBool returns the boolean option name of r as PETRARCH reads it:
// false when the value contains "false" in any case, true otherwise; def
// when no <Config> set the option.
func (r PetrarchRecord) OptionBool(name string, def bool) bool {
	v, ok := r.Options[name]
	if !ok {
		return def
	}
	return !strings.Contains(strings.ToLower(v), "false")
}

// OptionInt returns the integer option name of r, or def when no <Config>
// set it or its value is not an integer (PETRARCH ignores such a
// <Config>).
func (r PetrarchRecord) OptionInt(name string, def int) int {
	n, err := strconv.Atoi(r.Options[name])
	if err != nil {
		return def
	}
	return n
}

// Doc returns a new Doc for r's text: ID the content hash, SourceID r.ID,
// Published r.Date (the dated actor entries of the dictionaries depend on
// it) and no annotations. When r.Text is empty, the text is the words of
// the parse joined by single spaces (see ParseWords).
func (r PetrarchRecord) Doc() *parley.Doc {
	text := r.Text
	if text == "" {
		text = strings.Join(ParseWords(r.Parse), " ")
	}
	d := parley.NewDoc(text)
	d.SourceID = r.ID
	d.Published = r.Date
	return d
}

// CoNLLU returns r's parse as a CoNLL-U sentence that conllu.Reader reads:
// "# sent_id = " r.ID and "# text = " r.Text comment lines, the parse's
// lines with surrounding white space trimmed, blank lines dropped at the
// start and end and runs of them inside reduced to one (a parse with
// several sentences stays several), and a final blank line.
//
// It returns an error of kind parley.Invalid when r has no parse or its
// parse is a Penn Treebank tree (it starts with "("), as in PETRARCH 2's
// unit-test file, rather than CoNLL-U as in Universal-PETRARCH's. It does
// not check the lines themselves: conllu.Reader does.
func (r PetrarchRecord) CoNLLU() (string, error) {
	invalid := func(msg string) error {
		return &parley.Error{Op: "eval.PetrarchRecord.CoNLLU", Kind: parley.Invalid, Input: r.ID, Err: errors.New(msg)}
	}
	parse := strings.TrimSpace(r.Parse)
	switch {
	case parse == "":
		return "", invalid("record has no parse")
	case parse[0] == '(':
		return "", invalid("parse is a Penn Treebank tree, not CoNLL-U")
	}
	oneLine := strings.NewReplacer("\r", " ", "\n", " ")
	var b strings.Builder
	b.WriteString("# sent_id = " + oneLine.Replace(r.ID) + "\n")
	b.WriteString("# text = " + oneLine.Replace(r.Text) + "\n")
	blank := false
	for l := range strings.Lines(parse) {
		l = strings.TrimSpace(l)
		if l == "" {
			blank = true
			continue
		}
		if blank {
			b.WriteByte('\n')
			blank = false
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	return b.String(), nil
}

// ParsedDoc returns a Doc for r built from its CoNLL-U parse (see CoNLLU),
// for coding on the gold parse: the tokens are the parse's syntactic words
// with their text rebuilt from the forms as UDDocs builds it, the
// sentences are the parse's, and each token carries its gold UPOS, XPOS,
// features, lemma (empty when equal to the form), head and relation;
// Layers are tokens, sentences, POS, lemmas and dependencies. SourceID is
// r.ID and Published r.Date. A word whose HEAD is "_" gets Head -1 and no
// relation.
//
// Tags and labels are kept as the parse has them. Universal-PETRARCH's
// parses follow UD version 1 (dobj, nmod also for obliques, name, neg,
// nsubjpass, auxpass; UPOS CONJ), not the UD 2 labels parley's parser
// gives (obj, obl, flat, …), and two of them (PATTERN_28, COMMA_11) have
// two roots.
//
// Errors from CoNLLU and from reading the parse are returned as they are.
func (r PetrarchRecord) ParsedDoc() (*parley.Doc, error) {
	text, err := r.CoNLLU()
	if err != nil {
		return nil, err
	}
	docs, err := UDDocs(conllu.NewReader(strings.NewReader(text), r.ID))
	if err != nil {
		return nil, err
	}
	if len(docs) != 1 {
		return nil, &parley.Error{Op: "eval.PetrarchRecord.ParsedDoc", Kind: parley.Invalid, Input: r.ID,
			Err: fmt.Errorf("parse gives %d documents, want one", len(docs))}
	}
	ud := docs[0]
	d := ud.Doc
	for _, s := range d.Sentences {
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			w, t := ud.Words[i], &d.Tokens[i]
			t.UPOS, t.XPOS, t.Feats, t.DepRel = w.UPOS, w.XPOS, w.Feats, w.DepRel
			if w.Lemma != w.Form {
				t.Lemma = w.Lemma
			}
			switch {
			case w.Head > 0:
				t.Head = s.Tokens.Start + w.Head - 1
			case w.Head == conllu.NoHead:
				t.Head, t.DepRel = -1, ""
			default:
				t.Head = -1
			}
		}
	}
	toUDv2(d)
	d.SourceID = r.ID
	d.Published = r.Date
	d.Layers |= parley.LayerPOS | parley.LayerLemmas | parley.LayerDeps
	return d, nil
}

// udV1 maps the UD v1 relations of the unit-test parses to their UD v2
// names; nmod is handled apart, as v2 splits it by its head.
var udV1 = map[string]string{
	"dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "auxpass": "aux:pass",
	"name": "flat", "neg": "advmod", "mwe": "fixed", "nmod:agent": "obl:agent", "foreign": "flat:foreign",
}

// toUDv2 rewrites UD v1 annotation as UD v2, which parley's stages read:
// relations renamed, nmod on a verb, adjective or adverb becoming obl
// (nmod:tmod obl:tmod), and the CONJ tag CCONJ.
func toUDv2(d *parley.Doc) {
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.UPOS == "CONJ" {
			t.UPOS = "CCONJ"
		}
		if v2, ok := udV1[t.DepRel]; ok {
			t.DepRel = v2
			continue
		}
		if base, sub, _ := strings.Cut(t.DepRel, ":"); base == "nmod" && sub != "poss" && t.Head >= 0 {
			switch d.Tokens[t.Head].UPOS {
			case "VERB", "ADJ", "ADV", "AUX":
				t.DepRel = strings.Replace(t.DepRel, "nmod", "obl", 1)
			}
		}
	}
}

// ParseWords returns the words of a parse as PetrarchRecord.Parse holds
// it: the leaves of a Penn Treebank tree (a parse starting with "("),
// with the bracket tokens -LRB-, -RRB-, -LSB-, -RSB-, -LCB-, -RCB- turned
// back into brackets; otherwise the FORM column of the CoNLL-U word lines
// (lines whose first tab-separated column is an integer). It returns nil
// for an empty parse.
func ParseWords(parse string) []string {
	parse = strings.TrimSpace(parse)
	if parse == "" {
		return nil
	}
	var words []string
	if parse[0] != '(' {
		for l := range strings.Lines(parse) {
			cols := strings.Split(strings.TrimSpace(l), "\t")
			if len(cols) >= 2 && cols[1] != "" {
				if _, err := strconv.Atoi(cols[0]); err == nil {
					words = append(words, cols[1])
				}
			}
		}
		return words
	}
	brackets := strings.NewReplacer("-LRB-", "(", "-RRB-", ")", "-LSB-", "[", "-RSB-", "]", "-LCB-", "{", "-RCB-", "}")
	afterOpen := false
	for _, f := range strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(parse)) {
		switch {
		case f == "(":
			afterOpen = true
		case f == ")":
			afterOpen = false
		case afterOpen:
			afterOpen = false // the label of a phrase or tag
		default:
			words = append(words, brackets.Replace(f))
		}
	}
	return words
}

// HasGold reports whether some record of f has an <EventCoding>, that is,
// whether f can be scored at all; the GigaWord sample cannot.
func (f *PetrarchFile) HasGold() bool {
	return slices.ContainsFunc(f.Records, func(r PetrarchRecord) bool { return r.Coded })
}

// Triples returns the (source, target, code) triple of each event, in
// order, for ScorePetrarch; an empty actor code becomes "---".
func Triples(events []parley.Event) []Triple {
	ts := make([]Triple, len(events))
	for i, e := range events {
		ts[i] = Triple{Source: petrarchActor(e.Source), Target: petrarchActor(e.Target), Code: strings.TrimSpace(e.Code)}
	}
	return ts
}

// DocTriples returns the triples of d's events as PETRARCH writes them:
// besides Triples' "---" for a missing actor, an actor without a country
// or a name (an agent alone, "EDU") is written "---EDU" (but a named
// organisation's body, "the activists of Amnesty International", is
// "NGMOPP"), and a new actor the coder
// took from the text (no code, a name) as its name in capitals and
// quotes ("\"THE MINISTRY OF MAGIC\"").
func DocTriples(d *parley.Doc) []Triple {
	ts := Triples(d.Events)
	side := func(ref int, code string) string {
		if ref < 0 || ref >= len(d.Actors) {
			return code
		}
		switch a := d.Actors[ref]; {
		case a.Code == "" && a.Name != "":
			return `"` + strings.ToUpper(a.Name) + `"` // a new actor (new_actor_length)
		case a.Country == "" && a.Name == "":
			return "---" + code
		}
		return code
	}
	for i, e := range d.Events {
		ts[i].Source, ts[i].Target = side(e.SourceRef, ts[i].Source), side(e.TargetRef, ts[i].Target)
	}
	return ts
}

// PetrarchResult is the result of ScorePetrarch. Accuracies are fractions
// of the records scored, 0…1, rounded to four decimals, and 0 when no
// record is scored.
type PetrarchResult struct {
	Records  int     `json:"records"`  // records scored
	Correct  int     `json:"correct"`  // records whose predicted triples equal the expected ones
	Accuracy float64 `json:"accuracy"` // Correct / Records

	// The same with the triples that have a null actor left out on both
	// sides, as Universal-PETRARCH reports it (see ScorePetrarch).
	NullActorIgnoredCorrect  int     `json:"null_actor_ignored_correct"`
	NullActorIgnoredAccuracy float64 `json:"null_actor_ignored_accuracy"`

	ByCategory map[string]PetrarchCategoryResult `json:"by_category"` // by record category

	// Incorrect lists the IDs of the records scored wrong (the first
	// measure), in file order.
	Incorrect []string `json:"incorrect,omitempty"`
}

// PetrarchCategoryResult is the score of the records of one category.
type PetrarchCategoryResult struct {
	Records  int     `json:"records"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
}

// ScorePetrarch scores predicted, the triples an event coder produced for
// each record of f by record ID (see Triples), against the expected ones.
//
// The records scored are those whose Category is in include; a nil or
// empty include scores every record. PETRARCH's own test run scores the
// categories of the file's <Include> (f.Environment.Include), which in the
// unit-test files leaves out the two AGENTS records and the COMPOUNDx one
// (281 of 284 records).
//
// A record is correct when the set of its predicted triples equals the
// set of its expected triples: order and repetitions do not matter, and a
// coder that finds an event twice is not punished for it. Triples are
// equal when their three codes are equal exactly (case matters; "64" is
// not "064"), after trimming white space and reading an empty actor as
// "---" on both sides; "---GOV" is not "---". An actor written as several
// codes joined by "/" (Universal-PETRARCH's "FRO/BIL/SAM") stands for one
// triple per code. A record that expects no
// events (Gold empty: noevents, error or no <EventCoding>) is correct when
// nothing is predicted for it. A record without an entry in predicted has
// no predicted events; entries for other IDs are ignored.
//
// NullActorIgnoredAccuracy leaves out, on both sides, every triple whose
// source or target is a null actor: a code that starts with "---" (no
// actor, or an agent without a country such as "---GOV"). A record whose
// remaining sets are equal is correct for that measure, including one left
// with no triples on either side.
func ScorePetrarch(f *PetrarchFile, predicted map[string][]Triple, include []string) PetrarchResult {
	res := PetrarchResult{ByCategory: map[string]PetrarchCategoryResult{}}
	if f == nil {
		return res
	}
	type counts struct{ records, correct int }
	cats := map[string]*counts{}
	for _, r := range f.Records {
		if len(include) > 0 && !slices.Contains(include, r.Category) {
			continue
		}
		got := predicted[r.ID]
		c := cats[r.Category]
		if c == nil {
			c = new(counts)
			cats[r.Category] = c
		}
		res.Records++
		c.records++
		if sameTriples(r.Gold, got, false) {
			res.Correct++
			c.correct++
		} else {
			res.Incorrect = append(res.Incorrect, r.ID)
		}
		if sameTriples(r.Gold, got, true) {
			res.NullActorIgnoredCorrect++
		}
	}
	res.Accuracy = fraction(res.Correct, res.Records)
	res.NullActorIgnoredAccuracy = fraction(res.NullActorIgnoredCorrect, res.Records)
	for cat, c := range cats {
		res.ByCategory[cat] = PetrarchCategoryResult{Records: c.records, Correct: c.correct, Accuracy: fraction(c.correct, c.records)}
	}
	return res
}

// sameTriples reports whether gold and pred hold the same set of triples,
// after normalizing them; with noNull, triples with a null actor are left
// out of both.
func sameTriples(gold, pred []Triple, noNull bool) bool {
	set := func(ts []Triple) map[Triple]bool {
		m := make(map[Triple]bool, len(ts))
		for _, t := range ts {
			// Universal-PETRARCH writes an actor with several codes as
			// one triple ("FRO/BIL/SAM>GON"); it stands for one triple per
			// code, as PETRARCH2 writes them.
			for _, src := range strings.Split(t.Source, "/") {
				for _, tgt := range strings.Split(t.Target, "/") {
					t := Triple{Source: petrarchActor(src), Target: petrarchActor(tgt), Code: strings.TrimSpace(t.Code)}
					if noNull && (strings.HasPrefix(t.Source, "---") || strings.HasPrefix(t.Target, "---")) {
						continue
					}
					m[t] = true
				}
			}
		}
		return m
	}
	return maps.Equal(set(gold), set(pred))
}

// fraction returns n/total rounded to four decimals, or 0 when total is 0.
func fraction(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return round4(float64(n) / float64(total))
}

// attr returns the value of the attribute named name (ignoring case) and
// whether there is one.
func attr(attrs []xml.Attr, name string) (string, bool) {
	for _, a := range attrs {
		if strings.EqualFold(a.Name.Local, name) {
			return a.Value, true
		}
	}
	return "", false
}

// decodeLenient decodes the XML element chunk into a new T: strictly,
// and if that fails, once more in non-strict mode with invalid UTF-8
// replaced by U+FFFD. It returns the strict error when both fail.
func decodeLenient[T any](chunk string) (T, error) {
	var v T
	err := xml.NewDecoder(strings.NewReader(chunk)).Decode(&v)
	if err == nil {
		return v, nil
	}
	var lenient T
	d := xml.NewDecoder(strings.NewReader(strings.ToValidUTF8(chunk, "\uFFFD")))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	if d.Decode(&lenient) == nil {
		return lenient, nil
	}
	return v, err
}

// errLine returns the file line of an XML error in an element that starts
// at line start: the error's own line when it has one, start otherwise.
func errLine(err error, start int) int {
	var se *xml.SyntaxError
	if errors.As(err, &se) && se.Line > 0 {
		return start + se.Line - 1
	}
	return start
}

// xmlMessage returns the message of an XML error without the position
// that encoding/xml adds, since the caller gives the file line.
func xmlMessage(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	if errors.Is(err, io.EOF) {
		return "element never ends"
	}
	return err.Error()
}

// tagName returns the name of the tag whose name starts at byte i of s.
func tagName(s string, i int) string {
	j := i
	for j < len(s) {
		c := s[j]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/' || c == '<' {
			break
		}
		j++
	}
	return s[i:j]
}

// startTagEnd returns the offset of the '>' that ends the tag starting at
// byte at of s, skipping quoted attribute values, or -1 when s ends or
// another '<' comes first (XML allows none in a tag, even quoted; so the
// scan never passes the next '<').
func startTagEnd(s string, at int) int {
	var quote byte
	for i := at + 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '<':
			return -1
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// skipTag returns the offset after the tag starting at byte at of s, or
// at+1 when the tag does not end.
func skipTag(s string, at int) int {
	if end := startTagEnd(s, at); end >= 0 {
		return end + 1
	}
	return at + 1
}

// closeTag looks for the end tag </name> from byte from of s, skipping
// comments. It returns the offset after it and true; or, when another
// <name> start tag or the end of s comes first, that tag's offset (or
// len(s)) and false.
func closeTag(s string, from int, name string) (int, bool) {
	pos := from
	for {
		i := strings.IndexByte(s[pos:], '<')
		if i < 0 {
			return len(s), false
		}
		at := pos + i
		rest := s[at:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(s[at+4:], "-->")
			if end < 0 {
				return len(s), false
			}
			pos = at + 4 + end + 3
		case strings.HasPrefix(rest, "</") && tagName(s, at+2) == name:
			end := strings.IndexByte(s[at:], '>')
			if end < 0 {
				return len(s), false
			}
			return at + end + 1, true
		case tagName(s, at+1) == name:
			return at, false
		default:
			pos = at + 1
		}
	}
}
