package eventcode

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/cameo"
)

//go:embed nouns.txt
var nounsFile string

// noun is a nominal trigger: its code and the codes its modifiers give.
type noun struct {
	code string
	mods map[string]string
	line int
}

// readNouns parses nouns.txt; validCode checks each code.
func readNouns(text string, validCode func(string) bool) (map[string]noun, error) {
	out := map[string]noun{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for line := 1; sc.Scan(); line++ {
		s, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(s)
		if len(f) == 0 {
			continue
		}
		if f[0] != "noun" || len(f) < 3 {
			return nil, fmt.Errorf("nouns.txt:%d: want \"noun LEMMA CODE [MODIFIER=CODE ...]\"", line)
		}
		n := noun{code: f[2], mods: map[string]string{}, line: line}
		codes := []string{n.code}
		for _, m := range f[3:] {
			w, code, ok := strings.Cut(m, "=")
			if !ok || w == "" {
				return nil, fmt.Errorf("nouns.txt:%d: modifier %q is not WORD=CODE", line, m)
			}
			n.mods[w] = code
			codes = append(codes, code)
		}
		for _, code := range codes {
			if code != "---" && !validCode(code) {
				return nil, fmt.Errorf("nouns.txt:%d: %q is not a CAMEO event code", line, code)
			}
		}
		out[f[1]] = n
	}
	return out, nil
}

// nouns holds the embedded nominal triggers; nouns.txt is checked by a
// test, so a failure here is a build defect.
var nouns = func() map[string]noun {
	m, err := readNouns(nounsFile, cameo.Valid)
	if err != nil {
		panic(err)
	}
	return m
}()

// lightVerbs report an event their object or subject names rather than an
// event of their own: "increased its attacks", "talks will take place".
var lightVerbs = map[string]bool{
	"hold": true, "conduct": true, "launch": true, "carry": true, "stage": true, "increase": true,
	"intensify": true, "escalate": true, "step": true, "ramp": true, "continue": true, "resume": true,
	"begin": true, "start": true, "open": true, "mount": true, "take": true, "step up": true,
	"organize": true, "organise": true,
	"occur": true, "happen": true, "end": true, "halt": true, "suspend": true,
	"file":  true,                 // "filed a diplomatic protest against China"
	"pause": true, "freeze": true, // "paused military aid to Ukraine"
}

// eventVerb reports whether token v is a dictionary verb with a code of
// its own (not "---").
func (c *Coder) eventVerb(d *parley.Doc, x *docIndex, v int) bool {
	ref, _, ok := c.findVerb(d, x, v)
	if !ok {
		return false
	}
	code := c.verbCode(ref)
	return code != "" && code != "---"
}

// verbCode returns the code of a verb matched without a pattern: its own,
// else its group's.
func (c *Coder) verbCode(ref verbRef) string {
	g := &c.set.Verbs[ref.group]
	if code := g.Verbs[ref.verb].Code; code != "" {
		return code
	}
	return g.Code
}

// announceVerbs make their subject the actor of the event their object
// names: "announced a suspension", "declared a ceasefire".
var announceVerbs = map[string]bool{"announce": true, "declare": true, "order": true, "unveil": true, "impose": true}

// plannedAdjectives make a nominal event one that is planned.
var plannedAdjectives = map[string]bool{
	"upcoming": true, "planned": true, "proposed": true, "future": true, "next": true,
	"scheduled": true, "expected": true, "forthcoming": true, "prospective": true,
}

// nominal returns the nominal trigger token n is, with its code.
func nominal(d *parley.Doc, x *docIndex, n int) (string, bool) {
	if d.Tokens[n].UPOS != "NOUN" {
		return "", false
	}
	nn, ok := nouns[x.lemma[n]]
	if !ok {
		return "", false
	}
	code := nn.code
	// The words of its own phrase say what kind it is; conjoined ones
	// of different kinds ("drone and artillery attacks": aerial and
	// artillery) the kind both are (an attack, 190).
	var kinds []string
	for _, c := range x.children[n] {
		if r := x.rel[c]; r == "compound" || r == "amod" {
			kinds = appendKind(kinds, nn, x.lemma[c])
			for _, k := range x.children[c] {
				if x.rel[k] == "conj" {
					kinds = appendKind(kinds, nn, x.lemma[k])
				}
			}
		}
	}
	if len(kinds) > 0 {
		code = commonKind(kinds, nn.code)
		return code, code != "---"
	}
	// The verb whose object it is says what kind it is too: one stages
	// or goes on a strike of labour, one launches a military one.
	if h := d.Tokens[n].Head; h >= 0 && (x.rel[n] == "obj" || x.rel[n] == "obl") && d.Tokens[h].UPOS == "VERB" {
		if mc, ok := nn.mods[x.lemma[h]]; ok {
			code = mc
		}
	}
	return code, code != "---"
}

// appendKind appends the code modifier word w gives noun nn, if any.
func appendKind(kinds []string, nn noun, w string) []string {
	if mc, ok := nn.mods[w]; ok {
		return append(kinds, mc)
	}
	return kinds
}

// commonKind returns the code every one of codes falls under: the
// longest prefix they share, as a code of at least three digits ("195"
// and "194" are both "190"), or base when they share no more than their
// first digit.
func commonKind(codes []string, base string) string {
	p := codes[0]
	for _, c := range codes[1:] {
		k := 0
		for k < len(p) && k < len(c) && p[k] == c[k] {
			k++
		}
		p = p[:k]
	}
	switch {
	case len(p) < 2:
		return base
	case len(p) == 2:
		return p + "0"
	}
	return p
}

// codeNoun codes the nominal event of noun token n in sentence s: its
// source is the subject of the light verb it is the object of ("Russia
// increased its attacks"), a possessor ("Russia's attacks") or, failing
// those, the speaker who reports it when that speaker is not the target's
// own country; its target a prepositional phrase ("on Ukraine", "with
// Russia"); its modality that of the clause it belongs to.
// possibilityNouns make the event noun they govern only possible.
var possibilityNouns = map[string]bool{
	"possibility": true, "prospect": true, "chance": true, "likelihood": true, "idea": true,
	"option": true, "hope": true, "prospects": true, "risk": true, "threat": true,
}

// nounClause returns the "that" clause that states what noun n is ("its
// demand that Israel ease restrictions"), hung on the noun or, by the
// parser, on the verb the noun is the object of, right after the noun;
// -1 when there is none.
func nounClause(x *docIndex, n int) int {
	that := func(k int) bool {
		m := x.child(k, "mark")
		return m >= 0 && x.lower[m] == "that"
	}
	for _, k := range x.children[n] {
		if r := x.rel[k]; (r == "acl" || r == "ccomp") && that(k) {
			return k
		}
	}
	if h := x.head[n]; h >= 0 && (x.rel[n] == "obj" || x.rel[n] == "obl") {
		for _, k := range x.children[h] {
			if x.rel[k] == "ccomp" && that(k) && x.child(k, "mark") == n+1 {
				return k
			}
		}
	}
	return -1
}

// modifierActors returns the actors that an adjective or a name before
// noun n names ("Israeli strikes", "a Russian drone attack", "NATO air
// strikes"): whose the act is — not a place named as where it falls
// ("the Kharkiv shelling"), nor those an "anti-" or "pro-" adjective is
// against or for.
func modifierActors(d *parley.Doc, x *docIndex, n int) (as []int) {
	// (A possessive names the owner: "its drone and artillery attacks"
	// are Russia's, whatever kind the words before say; and a kind is no
	// actor: "artillery attacks", not the army's.)
	if x.child(n, "nmod:poss") >= 0 {
		return nil
	}
	nn := nouns[x.lemma[n]]
	for _, k := range x.children[n] {
		r := x.rel[k]
		if k > n || r != "amod" && r != "compound" || strings.HasPrefix(x.lower[k], "anti") || strings.HasPrefix(x.lower[k], "pro-") {
			continue
		}
		if _, kind := nn.mods[x.lemma[k]]; kind {
			continue
		}
		if _, place := x.placeAt[k]; r == "compound" && place {
			continue
		}
		as = append(as, actorsAt(d, x, k)...)
	}
	return as
}

// partakeCases open a phrase of an event that the subject of the verb
// takes part in: "return to Geneva for talks", "said during talks with
// Peru", "after talks with Peru, the president said".
var partakeCases = map[string]bool{"for": true, "during": true, "after": true, "following": true, "at": true}

// wordsVerbs are done in words, beside those of speechVerbs: "dismissing
// the Holocaust as a myth", "calling him a liar".
var wordsVerbs = map[string]bool{
	"dismiss": true, "call": true, "describe": true, "accuse": true, "brand": true, "label": true,
	"denounce": true, "blame": true, "charge": true, "condemn": true, "criticize": true, "criticise": true,
}

// haltVerbs stop talks, meetings or aid under way.
var haltVerbs = map[string]bool{"suspend": true, "halt": true, "freeze": true, "pause": true}

// haltedAid returns CAMEO's code for stopping the aid of code (07x):
// economic (071) 1621, military (072) 1622, humanitarian (073) 1623,
// else 162.
func haltedAid(code string) string {
	switch code {
	case "071":
		return "1621"
	case "072":
		return "1622"
	case "073":
		return "1623"
	}
	return "162"
}

func (c *Coder) codeNoun(d *parley.Doc, x *docIndex, s, n int) {
	code, ok := nominal(d, x, n)
	if !ok {
		return
	}
	if h := d.Tokens[n].Head; x.rel[n] == "obj" && h >= 0 {
		if !lightVerbs[x.lemma[h]] && c.patterned(d, x, h) {
			return // the verb's pattern codes it ("proposed talks")
		}
		// "promised to continue military aid": the controlling verb's.
		for u, depth := h, 0; x.rel[u] == "xcomp" && depth < 3; depth++ {
			if u = d.Tokens[u].Head; u < 0 {
				break
			}
			if c.patterned(d, x, u) {
				return
			}
		}
	}
	// "launched a fresh attack on Israel, dismissing the Holocaust as a
	// myth": an attack made in words, which a participle of speech
	// beside the verb that launches it tells, is a denunciation (111).
	if code == "190" && x.lemma[n] == "attack" && x.rel[n] == "obj" && d.Tokens[n].Head >= 0 {
		if slices.ContainsFunc(x.children[d.Tokens[n].Head], func(k int) bool {
			return x.rel[k] == "advcl" && d.Tokens[k].XPOS == "VBG" && (speechVerbs[x.lemma[k]] || wordsVerbs[x.lemma[k]])
		}) {
			code = "111"
		}
	}
	var src, tgt []int
	between := false
	withdrawal := strings.HasPrefix(code, "087") // a retreat: from whom, not of what
	talk := strings.HasPrefix(code, "04") || strings.HasPrefix(code, "036")
	mediation := code == "045"
	for _, k := range x.children[n] {
		switch {
		case x.rel[k] == "nmod" && x.caseOf(k) == "between" && mediation:
			// "his mediation between Clerides and Denktash": the
			// parties are mediated between, by the mediator.
			tgt = append(tgt, actorsAt(d, x, k)...)
		case x.rel[k] == "nmod" && x.caseOf(k) == "between":
			// "talks between Russia and Ukraine": with each other.
			src, between = append(src, actorsAt(d, x, k)...), true
		case x.rel[k] == "nmod:poss":
			src = append(src, actorsAt(d, x, k)...)
		case x.rel[k] == "nmod" && x.caseOf(k) == "by":
			src = append(src, actorsAt(d, x, k)...)
		case withdrawal && x.caseOf(k) == "of":
			// "the withdrawal of US troops": what is withdrawn, whose
			// owner withdraws it (and from where, when the parser hangs
			// it there: "of its troops from Iraq").
			if len(src) == 0 {
				src = append(src, actorsAt(d, x, k)...)
			}
			for _, g := range x.children[k] {
				if x.caseOf(g) == "from" {
					tgt = append(tgt, actorsAt(d, x, g)...)
				}
			}
		case withdrawal && x.caseOf(k) == "from":
			tgt = append(tgt, actorsAt(d, x, k)...) // "… from Iraq"
		case talk && topicCases[x.caseOf(k)]:
			// "talks on the repatriation of US troops' remains": what
			// the talks are about, not whom they are with.
		case x.rel[k] == "nmod" && (targetCases[x.caseOf(k)] || x.caseOf(k) == "of"):
			tgt = append(tgt, actorsAt(d, x, k)...) // "attacks on Kyiv", "the shelling of Kharkiv"
			// "an offensive against besieged Freedonia" parsed with the
			// participle heading the phrase and the place its object.
			if o := x.child(k, "obj"); len(tgt) == 0 && d.Tokens[k].UPOS == "VERB" && o == k+1 {
				tgt = append(tgt, actorsAt(d, x, o)...)
			}
		}
	}
	// "Israeli strikes on Gaza", "a Russian drone attack", "NATO air
	// strikes": whose the act is, named by an adjective or a name before
	// the noun (not a place named as where it falls: "the Kharkiv
	// shelling"; nor "anti-American attacks").
	if len(src) == 0 {
		src = slices.DeleteFunc(modifierActors(d, x, n), func(a int) bool { return slices.Contains(tgt, a) })
	}
	// "Ruritania hastened the pullout of some troops": troops
	// of no named country are those of the clause's subject.
	if withdrawal && !slices.ContainsFunc(src, func(a int) bool { return d.Actors[a].Country != "" }) {
		if h := d.Tokens[n].Head; h >= 0 && x.rel[n] == "obj" && d.Tokens[h].UPOS == "VERB" {
			subj, _ := subject(d, x, h, 0)
			if by := actorsAt(d, x, subj); len(by) > 0 {
				src = by
			}
		}
	}
	// The clause: the verb the noun belongs to.
	v := n
	for range 4 {
		h := d.Tokens[v].Head
		if h < 0 || d.Tokens[v].UPOS == "VERB" || d.Tokens[v].UPOS == "AUX" {
			break
		}
		if x.rel[v] != "nsubj" && x.rel[v] != "nsubj:pass" && x.rel[v] != "nsubj:outer" && x.rel[v] != "obj" && x.rel[v] != "nmod" && x.rel[v] != "obl" && x.rel[v] != "compound" && x.rel[v] != "conj" {
			break
		}
		v = h
	}
	if v != n && x.rel[n] != "obj" && !lightVerbs[x.lemma[v]] && c.patterned(d, x, v) {
		return // "will provide 25,000 tons of food aid": the verb's pattern codes it
	}
	mode, reporter := parley.Asserted, -1
	if v != n {
		mode, reporter = modality(d, x, v)
		// "chose to break off talks with Mercosur", "the visit was
		// postponed": what a verb of giving up stops, puts off or
		// refuses does not take place (when the verb codes nothing of
		// its own: "cancelled his visit" is 160).
		if r := x.rel[n]; (r == "obj" || r == "nsubj:pass") && v == d.Tokens[n].Head && (dropping(x, v) || negVerbs[x.lemma[v]]) {
			mode = parley.Negated
			// Talks suspended, halted or frozen are negotiations
			// halted (164), an act of its own, done by the verb's
			// subject when it is done ("suspended talks with the EU").
			if haltVerbs[x.lemma[v]] && r == "obj" {
				if m, _ := modality(d, x, v); m == parley.Asserted || m == parley.Reported {
					switch {
					case strings.HasPrefix(code, "04"):
						code, mode = "164", m
					case strings.HasPrefix(code, "07"):
						// Aid halted is aid stopped (162; economic,
						// military, humanitarian: 1621–1623).
						code, mode = haltedAid(code), m
					}
				}
			}
		}
		// "promised the withdrawal of its forces", "demanded talks": an
		// act promised or planned is intended, one asked for is not done
		// (an agreed ceasefire is in force).
		if x.rel[n] == "obj" && v == d.Tokens[n].Head && (mode == parley.Asserted || mode == parley.Reported) {
			switch l := x.lemma[v]; {
			case futureVerbs[l] && l != "agree" && x.child(v, "compound:prt") < 0:
				mode = parley.Future
			case desireVerbs[l]:
				mode = parley.Hypothetical
			}
		}
		// "talks have been scheduled for November", "talks are due to
		// start next week", "the meeting is set to open": arranged,
		// not yet held.
		// (Also "new rounds of talks have been scheduled".)
		top := n
		if x.rel[n] == "nmod" && x.caseOf(n) == "of" && d.Tokens[n].Head >= 0 {
			top = d.Tokens[n].Head
		}
		if r := x.rel[top]; v == d.Tokens[top].Head && (mode == parley.Asserted || mode == parley.Reported) && futureVerbs[x.lemma[v]] && x.lemma[v] != "go" &&
			(r == "nsubj:pass" || r == "nsubj" && x.child(v, "xcomp") >= 0) {
			mode = parley.Future
		}
		if x.rel[n] == "obl" && v == d.Tokens[n].Head && partakeCases[x.caseOf(n)] && len(src) == 0 && d.Tokens[v].UPOS == "VERB" && (!c.eventVerb(d, x, v) || speechVerbs[x.lemma[v]]) {
			// "negotiators return to Geneva for talks": those who come
			// for the event take part in it (when the coming is no event
			// of its own: "left for Minas Tirith for meetings" is the
			// visit its verb codes).
			// (Not what a passive's subject underwent, nor violence the
			// subject came after: "arrived following the bombings".)
			if subj, passive := subject(d, x, v, 0); x.caseOf(n) == "for" || !passive && !violent(code) {
				src = actorsAt(d, x, subj)
			}
		}
		// "Chile announced a halt to flights": the one who announces the
		// act is the one who does it; so is the subject the owner a
		// possessive pronoun names on the object of a verb that codes
		// nothing itself ("Egypt renewed its demand that …").
		if x.rel[n] == "obj" && v == d.Tokens[n].Head && len(src) == 0 {
			p := x.child(n, "nmod:poss")
			if announceVerbs[x.lemma[v]] || p >= 0 && d.Tokens[p].XPOS == "PRP$" && d.Tokens[v].UPOS == "VERB" && !c.eventVerb(d, x, v) {
				subj, _ := subject(d, x, v, 0)
				src = actorsAt(d, x, subj)
			}
		}
		if x.rel[n] == "obj" && lightVerbs[x.lemma[v]] {
			// "Russia launched attacks on Kyiv": the light verb's
			// subject, and its prepositional target.
			if len(src) == 0 {
				subj, _ := subject(d, x, v, 0)
				src = actorsAt(d, x, subj)
			}
			// (Not what talks held are about: "held talks over the
			// future of Somalia".)
			for _, k := range x.children[v] {
				if c := x.caseOf(k); len(tgt) == 0 && x.rel[k] == "obl" && targetCases[c] && !(talk && aboutCases[c]) {
					tgt = actorsAt(d, x, k)
				}
			}
		}
	}
	// "a halt to flights to Bolivia": an actor deeper in the
	// noun's phrase; "its demand that Israel ease restrictions": the
	// subject of the clause the noun states.
	if len(tgt) == 0 {
		// (Only through "of": "talks on forming a government" are not
		// with the government, nor is "a meeting in Busan" with Korea.)
		for _, k := range x.children[n] {
			if x.rel[k] != "nmod" || x.caseOf(k) != "of" {
				continue
			}
			for _, g := range x.children[k] {
				if x.rel[g] == "nmod" && targetCases[x.caseOf(g)] && x.caseOf(g) != "of" && len(tgt) == 0 {
					tgt = slices.DeleteFunc(actorsAt(d, x, g), func(a int) bool { return slices.Contains(src, a) })
				}
			}
		}
	}
	if k := nounClause(x, n); len(tgt) == 0 && k >= 0 {
		s, _ := subject(d, x, k, 0)
		tgt = slices.DeleteFunc(actorsAt(d, x, s), func(a int) bool { return slices.Contains(src, a) })
	}
	// "an offensive in the Donetsk region", "launched attacks in eastern
	// Ukraine": violence falls on the place it is done in, as a verb's
	// does (placeTarget).
	if len(tgt) == 0 && !between && violent(code) {
		if tgt = placeTarget(d, x, n, src, true, false); len(tgt) == 0 && v != n && x.rel[n] == "obj" && lightVerbs[x.lemma[v]] {
			tgt = placeTarget(d, x, v, src, false, false)
		}
	}
	if len(tgt) == 0 && strings.HasPrefix(code, "14") {
		// A protest is against someone: look in the noun's phrase and,
		// for a staged one, in its verb's.
		if tgt = againstTarget(d, x, n, src); len(tgt) == 0 && v != n && x.rel[n] == "obj" && lightVerbs[x.lemma[v]] {
			tgt = againstTarget(d, x, v, src)
		}
	}
	// "the possibility of a meeting", "the prospect of talks": not
	// (yet) an event.
	if h := d.Tokens[n].Head; h >= 0 && x.rel[n] == "nmod" && possibilityNouns[x.lemma[h]] && (mode == parley.Asserted || mode == parley.Reported) {
		mode = parley.Hypothetical
	}
	if mode == parley.Asserted || mode == parley.Reported {
		for _, k := range x.children[n] {
			if x.rel[k] == "amod" && plannedAdjectives[x.lemma[k]] {
				mode = parley.Future // "an upcoming meeting"
			}
		}
	}
	// (Nor one who reports violence: "implicated allies of the president
	// in an air strike on French forces, an official said" is no strike
	// of the official's.)
	// (Not a reporter whose words hold the noun only in a phrase: "said
	// the envoy ignored what two bodies settled at their last meeting"
	// is no meeting of the speaker's.)
	if len(src) == 0 && reporter >= 0 && !between && v != n && !violent(code) && reportedThrough(d, x, v, false) == reporter {
		rc := d.Actors[reporter].Country
		if rc != "" && !(len(tgt) > 0 && d.Actors[tgt[0]].Country == rc) {
			src = []int{reporter}
		}
	}
	if mode == parley.Future {
		code = intent(code)
	}
	pattern := fmt.Sprintf("noun %s (nouns.txt:%d)", x.lemma[n], nouns[x.lemma[n]].line)
	trigger := parley.Span{Start: n, End: n + 1}
	// Fighting is mutual only when it is fought or waged ("Iran and Iraq
	// fought a war"); conjoined actors launching an offensive or an attack
	// act together on someone else ("Malian and French troops pressed
	// a wide offensive").
	h := d.Tokens[n].Head
	fought := h >= 0 && (x.lemma[h] == "fight" || x.lemma[h] == "wage")
	if len(src) > 1 && (len(tgt) == 0 && (between || together(code, !fought)) || amongSources(tgt, src, d)) {
		// "a ceasefire between Israel and Hamas", "Ethiopia and Egypt
		// agreed to resume talks": with each other. ("Police and
		// firefighters staged a protest" did not protest each other.)
		c.emitMutual(d, x, s, trigger, code, pattern, src, mode, reporter)
		return
	}
	c.emit(d, x, s, trigger, code, pattern, src, tgt, mode, reporter)
}
