package actor_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/actor"
	"github.com/parley-events/parley/dict"
	"github.com/parley-events/parley/pipeline"
)

// testSet is a small dictionary written for these tests: two countries
// with their capitals, a seat of government, persons with dated roles and
// a few agents.
func testSet() *dict.Set {
	day := func(s string) time.Time {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	p := func(s string) dict.Phrase { return dict.Phrase(strings.Fields(strings.ToLower(s))) }
	return &dict.Set{
		Actors: []dict.Actor{
			{Name: "Russia", Names: []dict.Phrase{p("Russia"), p("Russian"), p("Moscow")}, Roles: []dict.Role{{Code: "RUS"}}},
			{Name: "Ukraine", Names: []dict.Phrase{p("Ukraine"), p("Ukrainian"), p("Kyiv")}, Roles: []dict.Role{{Code: "UKR"}}},
			{Name: "United States", Names: []dict.Phrase{p("United States"), p("US"), p("Washington")}, Roles: []dict.Role{{Code: "USA"}}},
			{Name: "Greece", Names: []dict.Phrase{p("Greece"), p("Greek")}, Roles: []dict.Role{{Code: "GRC"}}},
			{Name: "Kremlin", Names: []dict.Phrase{p("Kremlin")}, Roles: []dict.Role{{Code: "RUSGOV"}}},
			{Name: "Greek Liberation Front", Names: []dict.Phrase{p("Greek Liberation Front")}, Roles: []dict.Role{{Code: "WEUREB"}}},
			{Name: "Ivan Testov", Names: []dict.Phrase{p("Ivan Testov"), p("Testov")}, Roles: []dict.Role{
				{Code: "RUSMIL", From: day("2001-01-01"), To: day("2009-12-31")},
				{Code: "RUSGOV", From: day("2010-01-01")},
			}},
			{Name: "Oleh Marko Sampleko", Names: []dict.Phrase{p("Oleh Marko Sampleko")}, Roles: []dict.Role{
				{Code: "UKRELI", From: day("1990-01-01"), To: day("2018-12-31")},
				{Code: "UKRGOV", From: day("2019-01-01")},
			}},
			// A namesake in another country, and a name written surname
			// first.
			{Name: "Nikos Sampleko", Names: []dict.Phrase{p("Nikos Sampleko")}, Roles: []dict.Role{{Code: "GRCGOV", From: day("2015-01-01")}}},
			{Name: "Exa Lianbo", Names: []dict.Phrase{p("Exa Lianbo")}, Roles: []dict.Role{{Code: "RUSGOV", From: day("2015-01-01")}}},
			// A person known in no office (a role of no date), and a
			// title with a first name that is another person.
			{Name: "Pavel Undatov", Names: []dict.Phrase{p("Pavel Undatov")}, Roles: []dict.Role{{Code: "RUSELI"}}},
			{Name: "Minister Pavel", Names: []dict.Phrase{p("Minister Pavel")}, Roles: []dict.Role{{Code: "UKRGOV"}}},
			// A person among the elite between two offices.
			{Name: "Boris Eliseev", Names: []dict.Phrase{p("Boris Eliseev")}, Roles: []dict.Role{
				{Code: "RUSGOV", From: day("2000-01-01"), To: day("2004-12-31")},
				{Code: "RUSELI", From: day("2005-01-01"), To: day("2014-12-31")},
				{Code: "RUSGOV", From: day("2015-01-01")},
			}},
			// Two movements, one's name with its article a prefix of
			// the other's.
			{Name: "The Steppe Front", Names: []dict.Phrase{p("the Steppe Front")}, Roles: []dict.Role{{Code: "RUSREB"}}},
			{Name: "Steppe Front Movement", Names: []dict.Phrase{p("Steppe Front Movement")}, Roles: []dict.Role{{Code: "UKRREB"}}},
			// A one-word name of a person of one country, and a person of
			// another known by it too.
			{Name: "Ivanko", Names: []dict.Phrase{p("Ivanko")}, Roles: []dict.Role{{Code: "RUSGOV", From: day("2015-01-01")}}},
			{Name: "Oleh Ivanko", Names: []dict.Phrase{p("Oleh Ivanko")}, Roles: []dict.Role{{Code: "UKRGOV", From: day("2019-01-01")}}},
			// Organisations of no country: a charity and a broadcaster.
			{Name: "Relief Watch", Names: []dict.Phrase{p("Relief Watch")}, Roles: []dict.Role{{Code: "NGO"}}},
			{Name: "Channel Nine", Names: []dict.Phrase{p("Channel Nine")}, Roles: []dict.Role{{Code: "MED"}}},
			// A sea named for a country is no actor, and no country.
			{Name: "Greek Sea", Names: []dict.Phrase{p("Greek Sea")}, Roles: []dict.Role{{Code: "---"}}},
		},
		Agents: []dict.Agent{
			{Names: []dict.Phrase{p("forces")}, Code: "~MIL"},
			{Names: []dict.Phrase{p("government")}, Code: "~GOV"},
			{Names: []dict.Phrase{p("president")}, Code: "~GOV"},
			{Names: []dict.Phrase{p("vice president")}, Code: "~GOV"},
			{Names: []dict.Phrase{p("spokesperson")}, Code: "~MED"},
			{Names: []dict.Phrase{p("minister")}, Code: "~GOV"},
			{Names: []dict.Phrase{p("premier")}, Code: "~GOV"},
			{Names: []dict.Phrase{p("deputy"), p("deputies")}, Code: "~LEG"},
			{Names: []dict.Phrase{p("police")}, Code: "~COP"},
			{Names: []dict.Phrase{p("charity")}, Code: "NGO~", Before: true},
			{Names: []dict.Phrase{p("activists")}, Code: "~OPP"},
			{Names: []dict.Phrase{p("Islamist")}, Code: "~MUS"},
			{Names: []dict.Phrase{p("television")}, Code: "~MED"},
		},
	}
}

// resolve runs the pipeline up to ner and then the actor stage, with
// opts, over the test dictionary, and returns the document.
func resolve(t testing.TB, text string, published time.Time, opts actor.Options) *parley.Doc {
	t.Helper()
	p, err := pipeline.Build(pipeline.Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse", "ner", "timex"}})
	if err != nil {
		t.Fatal(err)
	}
	d := parley.NewDoc(text)
	d.Published = published
	if err := p.Run(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if err := actor.New(actor.NewLexicon(testSet(), strings.Fields), nil, opts).Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// code resolves text's actors with the default options and returns
// "mention=CODE" for each.
func code(t testing.TB, text string, published time.Time) []string {
	t.Helper()
	d := resolve(t, text, published, actor.Options{})
	var out []string
	for k, a := range d.Actors {
		s := fmt.Sprintf("%s=%s", d.SpanText(a.Tokens), a.Code)
		if a.Ref >= 0 {
			if a.Ref >= k {
				t.Errorf("actor %d refers forward to %d", k, a.Ref)
			}
			s += fmt.Sprintf("→%d", a.Ref)
		}
		out = append(out, s)
	}
	return out
}

var day2020 = time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)

func TestActors(t *testing.T) {
	for _, c := range []struct {
		name, text string
		published  time.Time
		want       string
	}{
		{"country and agent", "Russian forces attacked the town.", day2020, "Russian forces=RUSMIL"},
		{"capital as actor", "Moscow rejected the offer.", day2020, "Moscow=RUS"},
		{"premier, tagged an adjective", "The Russian premier left.", day2020, "Russian premier=RUSGOV"},
		{"a place naming a text", "Russia rejected the Kyiv Protocol.", day2020, "Russia=RUS"},
		{"a rank before a title unknown", "The deputy director resigned.", day2020, ""},
		{"a name coded ---", "Russian ships sailed into the Greek Sea.", day2020, "Russian=RUS"},
		{"seat", "The Kremlin rejected the offer.", day2020, "Kremlin=RUSGOV"},
		{"agent alone", "The police arrested two men.", day2020, "police=COP"},
		// A one-word name whose country the text names nowhere else is
		// the namesake of a country it does name.
		{"a one-word name, its country named", "Ivanko met Greek officials in Moscow.", day2020, "Ivanko=RUSGOV Greek=GRC Moscow=RUS"},
		{"a one-word name, another's country named", "Ivanko met Greek officials during his visit to Ukraine.", day2020, "Ivanko=UKRGOV Greek=GRC Ukraine=UKR"},
		// A country's name starting the name of a thing names no actor
		// (but does in a headline, where every word is capitalised).
		{"a country in a thing's name", "Russian forces shelled the Ukrainian Friendship Dam on Monday.", day2020, "Russian forces=RUSMIL"},
		{"a thing's name in a headline", "Russian Forces Shell Ukrainian Friendship Dam", day2020, "Russian Forces=RUSMIL Ukrainian Friendship Dam=UKR"},
		// A faith before the agent heading the phrase adds to it, and
		// covers the agents conjoined with the head, as the country does.
		{"a faith and an agent", "Islamist forces attacked the town.", day2020, "Islamist forces=MUSMIL"},
		{"a faith shared by conjuncts", "The Russian Islamist deputies and police protested.", day2020, "Russian Islamist deputies=RUSMUSLEG police=RUSMUSCOP"},
		{"hyphenated name", "The Russian Vice-President arrived.", day2020, "Russian Vice-President=RUSGOV"},
		{"region code, country in the name", "The Greek Liberation Front attacked.", day2020, "Greek Liberation Front=GRCREB"},
		{"title before an unrecognised name", "Rebels said that President Kagame must resign.", day2020, "President Kagame=GOV"},
		{"title before a surname", "Ukraine said that President Sampleko would visit Moscow.", day2020, "Ukraine=UKR President Sampleko=UKRGOV Moscow=RUS"},
		{"first and last name", "Oleh Sampleko arrived in Kyiv.", day2020, "Oleh Sampleko=UKRGOV Kyiv=UKR"},
		{"a surname alone is no name of one out of office", "Lianbo arrived in Moscow.", time.Date(2010, 3, 1, 0, 0, 0, 0, time.UTC), "Moscow=RUS"},
		{"a shortened name needs its country in the text", "President Sampleko spoke to reporters.", day2020, "President Sampleko=GOV"},
		{"the namesake of the country the text names", "President Sampleko spoke to Greek reporters.", day2020, "President Sampleko=GRCGOV Greek=GRC"},
		{"a surname written first", "President Exa met Russian officials.", day2020, "President Exa=RUSGOV Russian=RUS"},
		{"the title gives the sector, the dictionary the country", "In Kyiv, President Sampleko spoke.", time.Date(2010, 3, 1, 0, 0, 0, 0, time.UTC), "Kyiv=UKR President Sampleko=UKRGOV"},
		{"the text's country outranks a shortened name's", "Russian President Oleh Sampleko arrived in Kyiv.", day2020, "Russian President Oleh Sampleko=RUSGOV Kyiv=UKR"},
		{"short name in capitals", "The US sent aid to Ukraine.", day2020, "US=USA Ukraine=UKR"},
		{"short name as a word", "He told us that Ukraine had agreed.", day2020, "Ukraine=UKR"},
		{"role on the day", "Ivan Testov visited Kyiv.", day2020, "Ivan Testov=RUSGOV Kyiv=UKR"},
		{"a capital as a surname", "Former Ukrainian President Pedro Moscow had resigned.", day2020, "Ukrainian President Pedro Moscow=UKRELI"}, // a former president, as below
		// A title outranks a dictionary that has the person among the
		// elite, out of office, that day; "deposed" is "former".
		{"a title outranks an elite role", "Russian Foreign Minister Boris Eliseev arrived in Kyiv.", time.Date(2010, 3, 1, 0, 0, 0, 0, time.UTC), "Russian Foreign Minister Boris Eliseev=RUSGOV Kyiv=UKR"},
		{"a deposed president unknown to the dictionary", "The deposed Ukrainian president Petro Examplenko arrived in Moscow.", day2020, "Ukrainian president Petro Examplenko=UKRELI Moscow=RUS"},
		{"a deposed president", "The deposed Russian president Boris Eliseev arrived in Kyiv.", time.Date(2010, 3, 1, 0, 0, 0, 0, time.UTC), "Russian president Boris Eliseev=RUSELI Kyiv=UKR"},
		{"a capital after an adjective", "Mighty Moscow rejected the offer.", day2020, "Mighty Moscow=RUS"},
		{"earlier role", "Ivan Testov visited Kyiv.", time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC), "Ivan Testov=RUSMIL Kyiv=UKR"},
		{"modifier agent outranks head agent", "A spokesperson from the Russian government declined to comment.", day2020, "spokesperson from the Russian government=RUSGOV"},
		{"unknown person with a role", "Ukrainian President Petro Examplenko arrived in Moscow.", day2020, "Ukrainian President Petro Examplenko=UKRGOV Moscow=RUS"},
		{"surname of an unknown person", "Ukrainian President Petro Examplenko arrived. Examplenko spoke briefly.", day2020, "Ukrainian President Petro Examplenko=UKRGOV Examplenko=UKRGOV→0"},
		{"pronoun", "Ivan Testov said he would travel to Kyiv.", day2020, "Ivan Testov=RUSGOV he=RUSGOV→0 Kyiv=UKR"},
		{"a pronoun opening a sentence is the one the sentence before was about", "The Russian president met the Ukrainian president in May. He said the talks went well.", day2020, "Russian president=RUSGOV Ukrainian president=UKRGOV He=RUSGOV→0"},
		{"agent shared by conjoined countries", "The forces of Russia and Ukraine withdrew.", day2020, "forces of Russia=RUSMIL Ukraine=UKRMIL"},
		{"agent shared by conjoined adjectives", "Russian and Ukrainian forces withdrew.", day2020, "Russian=RUSMIL Ukrainian forces=UKRMIL"},
		{"countries apart by commas", "Moscow, the Kremlin and Kyiv agreed.", day2020, "Moscow=RUS Kremlin=RUSGOV Kyiv=UKR"},
		{"a currency is no actor", "The US sent Ukraine 300 million US dollars.", day2020, "US=USA Ukraine=UKR"},
		{"a sum's currency after its scale is no actor", "Ukraine received 20 billion hryvnias (1.4 billion US) from Russia.", day2020, "Ukraine=UKR Russia=RUS"},
		{"nor are forces counted in millions", "Ukraine said 2 million Russian forces had crossed.", day2020, "Ukraine=UKR Russian forces=RUSMIL"},
		{"plural by lemma", "The Ukrainians left.", day2020, "Ukrainians=UKR"},
		{"dateline", "MOSCOW, March 3 (Reuters) - Ukraine rejected the offer.", day2020, "Ukraine=UKR"},
		{"dateline with a long dash", "MOSCOW, March 3 (Wire)--- Ukraine rejected the offer.", day2020, "Ukraine=UKR"},
		{"the text's country outranks the dictionary's", "Ukraine's president Ivan Testov arrived.", day2020, "Ukraine's president Ivan Testov=UKRGOV"},
		{"the same country", "Russian President Ivan Testov arrived.", day2020, "Russian President Ivan Testov=RUSGOV"},
		{"an agent written before the country", "Charity Ukraine sent aid.", day2020, "Charity Ukraine=NGOUKR"},
		{"a role names the same role", "The Ukrainian president arrived. The president spoke.", day2020, "Ukrainian president=UKRGOV president=UKRGOV→0"},
		{"not another role", "The Ukrainian president arrived. The government spoke.", day2020, "Ukrainian president=UKRGOV government=GOV"},
		{"one person is no plural role", "Oleh Marko Sampleko arrived. The ministers spoke.", day2020, "Oleh Marko Sampleko=UKRGOV ministers=GOV"},
		{"a name under another title is not the role", "The Ukrainian minister arrived. Russian President Ivan Testov spoke. The minister left.", day2020, "Ukrainian minister=UKRGOV Russian President Ivan Testov=RUSGOV minister=UKRGOV→0"},
		// Beyond three sentences only the same title in the singular.
		{"a title far back", "The Ukrainian president arrived. Crowds gathered. Shops closed. Trains stopped. The president spoke.", day2020, "Ukrainian president=UKRGOV president=UKRGOV→0"},
		{"a plural far back", "Russian forces arrived. Crowds gathered. Shops closed. Trains stopped. The forces left.", day2020, "Russian forces=RUSMIL forces=MIL"},
		{"an ethnic group is not the country", "Ethnic Russians protested in Kyiv.", day2020, "Russians=CVL Kyiv=UKR"},
		{"plural of a name the lemmatizer keeps", "Thousands of Greeks protested in Kyiv.", day2020, "Greeks=GRC Kyiv=UKR"},
		{"a former office-holder", "The former Ukrainian president arrived in Moscow.", day2020, "Ukrainian president=UKRELI Moscow=RUS"},
		{"a name does not stop inside a person's name; the title over a role of no date", "Minister Pavel Undatov arrived in Kyiv.", day2020, "Minister Pavel Undatov=RUSGOV Kyiv=UKR"},
		{"a rank before an office", "The Russian deputy minister arrived in Kyiv.", day2020, "Russian deputy minister=RUSGOV Kyiv=UKR"},
		{"a rank alone", "Russian deputies arrived in Kyiv.", day2020, "Russian deputies=RUSLEG Kyiv=UKR"},
		{"a country shared by conjoined agents", "Russian police and forces withdrew.", day2020, "Russian police=RUSCOP forces=RUSMIL"},
		{"not by an agent with a determiner", "The Russian police and the forces withdrew.", day2020, "Russian police=RUSCOP forces=MIL"},
		{"a name with its article", "The Steppe Front attacked Kyiv.", day2020, "The Steppe Front=RUSREB Kyiv=UKR"},
		{"a longer name after the article", "The Steppe Front Movement attacked Kyiv.", day2020, "Steppe Front Movement=UKRREB Kyiv=UKR"},
		{"where one is based is no actor", "The Moscow-based group criticised Kyiv.", day2020, "Kyiv=UKR"},
		{"who backs one is no actor", "Russian-backed forces criticised Kyiv.", day2020, "forces=MIL Kyiv=UKR"},
		{"the title of a person known in no office must precede the name", "Pavel Undatov, the minister, arrived in Kyiv.", day2020, "Pavel Undatov, the minister=RUSELI Kyiv=UKR"},
		{"a name's first word for its person", "Ivan Testov arrived in Kyiv on Monday. Ivan met the president.", day2020, "Ivan Testov=RUSGOV Kyiv=UKR Ivan=RUSGOV→0 president=RUSGOV→2"},
		{"a surname alone of someone in office, of a country the story names", "Lianbo arrived in Moscow.", day2020, "Lianbo=RUSGOV Moscow=RUS"},
		{"not of a country it does not name", "Lianbo arrived in Kyiv.", day2020, "Kyiv=UKR"},
		{"the two sides", "Moscow and Kyiv met in May. The two sides agreed to talk again.", day2020, "Moscow=RUS Kyiv=UKR The two sides=RUS→0 The two sides=UKR→1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(code(t, c.text, c.published), " ")
			if got != c.want {
				t.Errorf("%s\ngot  %s\nwant %s", c.text, got, c.want)
			}
		})
	}
}

// FuzzActors checks the stage's invariants on any text: actors lie
// within the document, in order, and refer only to earlier actors with a
// code; a country found from the places around an actor heads its code.
func FuzzActors(f *testing.F) {
	for _, s := range []string{"Russian forces attacked Kyiv.", "He said the two sides met.", "US us Us U.S.", "", "Testov. Testov? he he he",
		"Police in Lagos arrested protesters. The government said they rioted in Kano."} {
		f.Add(s)
	}
	p, err := pipeline.Build(pipeline.Config{Stages: []string{"tokenize", "segment", "postag", "lemma", "depparse", "ner", "geo"}})
	if err != nil {
		f.Fatal(err)
	}
	r := actor.New(actor.NewLexicon(testSet(), strings.Fields), func() time.Time { return day2020 }, actor.Options{})
	f.Fuzz(func(t *testing.T, text string) {
		d := parley.NewDoc(text)
		if err := p.Run(t.Context(), d); err != nil {
			t.Skip()
		}
		if err := r.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		for k, a := range d.Actors {
			if a.Tokens.Empty() || a.Tokens.Start < 0 || a.Tokens.End > len(d.Tokens) {
				t.Fatalf("actor %d: span %v outside %d tokens", k, a.Tokens, len(d.Tokens))
			}
			if k > 0 && d.Actors[k-1].Tokens.Start > a.Tokens.Start {
				t.Fatalf("actors out of order at %d", k)
			}
			if a.Code == "" || a.Ref >= k || a.Ref < -1 {
				t.Fatalf("actor %d: code %q ref %d", k, a.Code, a.Ref)
			}
			switch a.CountryFrom {
			case "":
			case actor.FromPhrase, actor.FromSentence, actor.FromDocument:
				if a.Country == "" || !strings.HasPrefix(a.Code, a.Country) || a.Code != a.Country+a.Sectors {
					t.Fatalf("actor %d: country %q from %s, code %q, sectors %q", k, a.Country, a.CountryFrom, a.Code, a.Sectors)
				}
			default:
				t.Fatalf("actor %d: country_from %q", k, a.CountryFrom)
			}
		}
	})
}

// checkActors fails t for each text whose actors, coded on 2020-06-01,
// are not the wanted ones.
func checkActors(t *testing.T, cases map[string]string) {
	t.Helper()
	for text, want := range cases {
		if got := strings.Join(code(t, text, day2020), " "); got != want {
			t.Errorf("%s\ngot  %s\nwant %s", text, got, want)
		}
	}
}

// TestPossessor checks that a body named with a possessive takes the
// country of the one the possessive names: the subject of its sentence
// when it fits, a person for "his", a country or organisation for "its".
func TestPossessor(t *testing.T) {
	checkActors(t, map[string]string{
		"The Greek government advised its police to act.":               "Greek government=GRCGOV police=GRCCOP",
		"Greek President Sampleko said his government would act.":       "Greek President Sampleko=GRCGOV government=GRCGOV",
		"Russia criticised Ukraine, and Ukraine recalled its minister.": "Russia=RUS Ukraine=UKR Ukraine=UKR→1 minister=UKRGOV",
		// "whose" owns for the actor before it, whatever the parse.
		"The minister flew to Ukraine, whose government had invited him.": "minister=GOV Ukraine=UKR government=UKRGOV him=GOV→0",
		// No one in the sentence to own them: no country.
		"Its forces left on Monday.": "forces=MIL",
	})
}

func TestItAsSubject(t *testing.T) {
	checkActors(t, map[string]string{
		"Russia said it would send troops to Kyiv.": "Russia=RUS it=RUS→0 Kyiv=UKR",
		// The parser takes this "it" for an expletive; "willing" says
		// it is someone.
		"Greece says it is willing to pull back its forces.": "Greece=GRC it=GRC→0 forces=GRCMIL",
		// A government is "it", not "he".
		"The Greek government said it would expel Russian diplomats.": "Greek government=GRCGOV it=GRCGOV→0 Russian=RUS",
	})
}

// TestItForNoOne checks that "it" standing for a clause, or for a
// speaker who is no actor, refers to no actor.
func TestItForNoOne(t *testing.T) {
	checkActors(t, map[string]string{
		"Russia rejected the offer. It is important for Ukraine to hold talks.": "Russia=RUS Ukraine=UKR",
		"Russia rejected the offer. It is ready to hold talks.":                 "Russia=RUS It=RUS→0",
		// "It" said by a speaker who is no actor stands for the speaker.
		"Russia rejected the offer. The relief agency said it would send food to Ukraine.": "Russia=RUS Ukraine=UKR",
		"Russia rejected the offer. The Russian side said it would send food to Ukraine.":  "Russia=RUS Russian=RUS→0 it=RUS→1 Ukraine=UKR",
		// The weather's "it" is no one.
		"Russia crossed the river. It rained on Monday.": "Russia=RUS",
		// "It" after a sentence about a text stands for the text.
		"Russia rejected the offer. The resolution was adopted on Monday. It asks Ukraine to hold talks.": "Russia=RUS Ukraine=UKR",
	})
}

func TestTheyAsSubject(t *testing.T) {
	got := strings.Join(code(t, "Russian forces said they would leave Kyiv.", day2020), " ")
	if want := "Russian forces=RUSMIL they=RUSMIL→0 Kyiv=UKR"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestRoleNotAPronoun checks that a role ("the president") refers back
// to a mention of that role, or to a pronoun standing for one, not to any
// pronoun with the same sectors.
func TestRoleNotAPronoun(t *testing.T) {
	checkActors(t, map[string]string{
		"The Russian president met Ukrainian ministers. They spoke for an hour. The president said the talks went well.": "Russian president=RUSGOV Ukrainian ministers=UKRGOV They=UKRGOV→1 president=RUSGOV→0",
	})
}

// TestActorNames checks the names actors keep: a body of an organisation
// of no country keeps the organisation's name ("the activists of Relief
// Watch" are NGOOPP, and Relief Watch), and a sector the organisation's
// code already has is not written twice; a person whose title names
// another person as the owner keeps a name of their own; a named
// office-holder the dictionary's.
func TestActorNames(t *testing.T) {
	for text, want := range map[string]string{
		"The activists of Relief Watch protested in Athens.": "activists of Relief Watch=NGOOPP (Relief Watch)",
		"Channel Nine television reported the attack.":       "Channel Nine television=MED (Channel Nine)",
		"The activists protested in Athens.":                 "activists=OPP ()",
		// A person whose title names another person as the owner works
		// for that person and keeps a name of their own.
		"Testov's spokesperson Boris Writeman criticised Greece.": "Testov's spokesperson Boris Writeman=RUSGOV (Boris Writeman) Greece=GRC (Greece)",
		"Minister Ivan Testov criticised Greece.":                 "Minister Ivan Testov=RUSGOV (Ivan Testov) Greece=GRC (Greece)",
	} {
		d := resolve(t, text, day2020, actor.Options{NamedCountriesOnly: true})
		var got []string
		for _, a := range d.Actors {
			got = append(got, fmt.Sprintf("%s=%s (%s)", d.SpanText(a.Tokens), a.Code, a.Name))
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("%s\ngot  %s\nwant %s", text, g, want)
		}
	}
}
