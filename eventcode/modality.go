package eventcode

import (
	"slices"
	"strings"

	"github.com/parley-events/parley"
)

// Words that shape an event's modality, by lemma.
var (
	negators = map[string]bool{"not": true, "n't": true, "never": true}
	// A verb under one of these ("failed to meet") did not happen.
	negVerbs = map[string]bool{"fail": true, "refuse": true, "decline": true, "avoid": true, "unwilling": true, "unable": true}
	// An intent these stand for ("a refusal to withdraw") is not carried
	// out, nor one these give up ("scrapped plans to visit").
	negNouns  = map[string]bool{"refusal": true, "failure": true, "reluctance": true, "unwillingness": true, "inability": true}
	dropVerbs = map[string]bool{
		"scrap": true, "drop": true, "abandon": true, "shelve": true, "cancel": true, "reject": true,
		"oppose": true, "block": true, "withdraw": true, "deny": true, "defy": true, "suspend": true,
		"freeze": true, "halt": true, "veto": true, "postpone": true, "delay": true, "pause": true,
		"kill": true, "thwart": true, "foil": true, "resist": true, "refuse": true, "ditch": true,
	}
	// A verb and particle that drop what they take: "put off the
	// summit", "called off talks", "broke off negotiations", "ruled out
	// a meeting".
	dropPhrasal = map[string]string{"put": "off", "call": "off", "break": "off", "rule": "out"}
	// What an infinitive after one of these says ("the ability to
	// fight") may be done.
	abilityNouns = map[string]bool{"ability": true, "capacity": true, "capability": true, "power": true, "right": true, "means": true, "chance": true, "opportunity": true, "freedom": true}
	// A verb under one of these ("plans to meet") is intended.
	futureVerbs = map[string]bool{
		"plan": true, "intend": true, "expect": true, "prepare": true, "agree": true, "promise": true,
		"pledge": true, "vow": true, "swear": true, "hope": true, "aim": true, "seek": true, "want": true,
		"wish": true, "desire": true, "aspire": true,
		"decide": true, "threaten": true, "schedule": true, "offer": true, "propose": true, "go": true,
		// adjectives of readiness: "is willing to withdraw", "ready to
		// talk"
		"willing": true, "ready": true, "prepared": true, "eager": true, "determined": true,
		"keen": true, "poised": true,
		// "is due to visit", "is set to meet", "is about to leave",
		// "is slated to sign"
		"due": true, "set": true, "about": true, "slate": true, "slated": true,
	}
	// A gerund under one of these ("is considering expelling", "backed
	// sending more troops") may happen.
	weighVerbs = map[string]bool{
		"consider": true, "contemplate": true, "mull": true, "weigh": true, "study": true, "explore": true,
		"support": true, "back": true, "endorse": true, "favor": true, "favour": true, "advocate": true,
	}
	// One of these with "to" and a gerund ("is committed to destroying
	// Israel", "dedicated to ending the war") states an aim, not an act.
	devotedWords = map[string]bool{
		"commit": true, "committed": true, "dedicate": true, "dedicated": true, "devote": true, "devoted": true,
	}
	// What one of these in the passive says of its subject ("are believed
	// to have attacked", "is said to have met") is held, not shown.
	hearsayVerbs = map[string]bool{
		"believe": true, "think": true, "suspect": true, "allege": true, "report": true, "say": true,
		"rumour": true, "rumor": true, "understand": true, "presume": true, "claim": true, "fear": true,
	}
	// Adverbs that leave an act unconfirmed ("allegedly attacked") or
	// not done ("almost reached an agreement").
	hedges = map[string]bool{"allegedly": true, "reportedly": true, "purportedly": true, "supposedly": true, "apparently": true, "possibly": true, "probably": true,
		"almost": true, "nearly": true}
	// A verb under one of these ("is likely to attack", "were close to
	// reaching a deal") may happen.
	likelyWords = map[string]bool{"likely": true, "unlikely": true, "possible": true, "liable": true, "close": true, "near": true}
	// A verb that only frames its complement ("decided to release",
	// "seeking to impose", "failed to agree") is not coded when the
	// complement is; these give the complement its modality.
	frameVerbs = map[string]bool{
		"decide": true, "seek": true, "try": true, "attempt": true, "fail": true, "begin": true,
		"start": true, "continue": true, "want": true, "hope": true, "plan": true, "intend": true,
		"expect": true, "aim": true, "prepare": true, "wish": true, "need": true, "manage": true,
		"tend": true, "choose": true, "swear": true,
	}
	// "must" and "should" make an event demanded, not done.
	// What one of these asks for ("urged X to withdraw", "demanded that X
	// withdraw") has not happened.
	desireVerbs = map[string]bool{
		"demand": true, "urge": true, "ask": true, "call": true, "request": true, "insist": true,
		"propose": true, "suggest": true, "recommend": true, "appeal": true, "press": true, "order": true,
		"warn": true, // "warned Moscow to withdraw", "warned against moves to withdraw"
	}
	// One of these with an infinitive ("told Ethiopia to pull out")
	// directs the act, which has not happened (with a clause, "told
	// reporters that …", it reports one).
	directVerbs = map[string]bool{"tell": true, "instruct": true, "direct": true, "advise": true, "encourage": true, "invite": true}
	// "The first Israeli minister to visit Tunisia": an act done.
	ordinalWords    = map[string]bool{"first": true, "last": true, "only": true, "second": true, "third": true}
	hypotheticalAux = map[string]bool{"may": true, "can": true, "might": true, "could": true, "would": true, "must": true, "should": true, "ought": true}
	futureAux       = map[string]bool{"will": true, "shall": true, "'ll": true}
	conditionMarks  = map[string]bool{"if": true, "unless": true, "provided": true}
	// The speaker of one of these ("said that …") reports the event of
	// its complement.
	speechVerbs = map[string]bool{
		"say": true, "tell": true, "state": true, "confirm": true, "announce": true, "report": true,
		"add": true, "note": true, "remark": true, "claim": true, "insist": true, "stress": true,
		"emphasize": true, "emphasise": true, "write": true, "declare": true, "assert": true,
		"indicate": true, "reveal": true, "acknowledge": true, "admit": true, "allege": true,
		"deny": true, "warn": true, "explain": true, "mention": true, "suggest": true, "tweet": true,
		"conclude": true,
	}
)

// beTo reports whether c, a child of verb u, is the "be" of "be to"
// before u's infinitive ("is to visit", "were to meet"): an act arranged
// or expected — not "is to blame", which says who is responsible.
func beTo(x *docIndex, u, c int) bool {
	return x.lemma[c] == "be" && c < u && arranged(x, u)
}

// arranged reports whether verb u is an infinitive that "be to" makes an
// act arranged: not a verb of fate.
func arranged(x *docIndex, u int) bool {
	return infinitive(x, u) && !fateVerbs[x.lemma[u]]
}

// fateVerbs after "be to" tell what is so, not what is arranged ("is to
// blame", "was to prove fatal").
var fateVerbs = map[string]bool{"blame": true, "prove": true, "become": true, "remain": true}

// modality returns the modality of verb v's event and the actor whose
// statement reports it (-1 when none). Negation outranks a condition,
// which outranks possibility, which outranks intention.
func modality(d *parley.Doc, x *docIndex, v int) (parley.Modality, int) {
	return modalityUsing(d, x, v, nil)
}

// modalityUsing is modality for a verb whose pattern used the tokens
// used: a negation the pattern names is part of the code ("&NEGATVAUXVRB *
// OVER EFFORTS", "* NOT EXTEND DEADLINE"), not a negation of the event.
func modalityUsing(d *parley.Doc, x *docIndex, v int, used []int) (parley.Modality, int) {
	// "summoned the ambassador to protest": the protest is made as the
	// summons is.
	if _, u := purposeObject(x, v); u >= 0 && summonVerbs[x.lemma[u]] {
		return modalityUsing(d, x, u, nil)
	}
	var neg, cond, hyp, fut bool
	// The clause of v and the verbs above it that it is the complement of
	// ("has yet to comment", "agreed to meet", "will be able to").
	u := v
	viaXcomp := true  // every step so far from v to u is an xcomp
	viaIntent := true // every step so far is an xcomp or an infinitive
	// "will visit Japan and hold talks": a verb conjoined without an
	// auxiliary or subject of its own shares its first conjunct's
	// auxiliary (not its negation: "did not attack but shelled").
	// So does it share the first conjunct's condition ("if Iran does not
	// halt the work and cooperate with the inspectors").
	if h := x.head[v]; x.rel[v] == "conj" && h >= 0 && h < v && d.Tokens[h].UPOS == "VERB" && x.child(v, "aux", "nsubj", "nsubj:pass") < 0 {
		for _, c := range x.children[h] {
			switch {
			case x.rel[c] == "aux" && c < h:
				fut = fut || futureAux[x.lemma[c]]
				hyp = hyp || hypotheticalAux[x.lemma[c]]
			case x.rel[c] == "mark" && c < h:
				cond = cond || conditionMark(x, h, c)
			}
		}
	}
	finished := -1 // a "done" above v's gerund: "was done talking" has stopped; "not done negotiating" goes on
	for depth := 0; depth < 4; depth++ {
		cond = cond || viaXcomp && conditionWords(d, x, u)
		for _, c := range x.children[u] {
			switch x.rel[c] {
			case "advmod", "neg", "advmod:neg", "det":
				if u == finished && negators[x.lemma[c]] && x.rel[c] != "det" {
					neg = false // "not done negotiating": still negotiating
					continue
				}
				neg = neg || negators[x.lemma[c]] && x.rel[c] != "det" && !slices.Contains(used, c) && !notOnly(x, c)
				hyp = hyp || x.rel[c] == "advmod" && hedges[x.lower[c]] // "allegedly attacked"
			case "aux", "cop":
				switch l := x.lemma[c]; {
				case futureAux[l] && x.rel[c] == "aux":
					fut = true
				case hypotheticalAux[l] && x.rel[c] == "aux":
					hyp = true
				case beTo(x, u, c):
					fut = true // "the envoys were to meet Friday": arranged
				}
			case "mark":
				// A condition on the verb v completes covers v
				// too ("unless the premier consents to resign").
				cond = cond || viaXcomp && conditionMark(x, u, c)
			case "advcl", "ccomp":
				// ("should there be no agreement" parsed as a
				// complement is still a condition)
				cond = cond || condition(d, x, c)
			case "xcomp":
				// "will send troops in case rebels attack" with the
				// clause taken as a complement is a condition too; and
				// one on the act threatened, promised or agreed to
				// ("threatened to close the strait unless Britain
				// changes its policy") holds for the threat itself.
				cond = cond || condition(d, x, c) || slices.ContainsFunc(x.children[c], func(k int) bool {
					return x.rel[k] == "advcl" && condition(d, x, k)
				})
			}
		}
		if o := x.child(u, "obj"); o >= 0 {
			for _, c := range x.children[o] {
				if x.rel[c] == "advcl" || x.rel[c] == "acl" {
					cond = cond || condition(d, x, c)
				}
			}
		}
		// Climb to the verb that v's clause complements: an xcomp, or a
		// non-finite adverbial clause without a subject of its own ("not
		// done engaging", "has yet to comment" parsed as advcl). An
		// infinitive conjoined to such a complement is one too ("urged
		// them not to withdraw but to transfer"), though its first
		// conjunct's own words ("not") are not its.
		if depth == 0 && x.rel[u] == "conj" && infinitive(x, u) && x.head[u] >= 0 && (x.rel[x.head[u]] == "xcomp" || x.rel[x.head[u]] == "advcl" && nonFinite(d, x, x.head[u])) {
			u = x.head[u]
		}
		if d.Tokens[u].Head < 0 || !(x.rel[u] == "xcomp" || x.rel[u] == "advcl" && nonFinite(d, x, u)) {
			break
		}
		h := d.Tokens[u].Head
		viaXcomp = viaXcomp && x.rel[u] == "xcomp"
		viaIntent = viaIntent && (x.rel[u] == "xcomp" || infinitive(x, u))
		switch l := x.lemma[h]; {
		case x.lower[h] == "done" && d.Tokens[u].XPOS == "VBG":
			neg, finished = true, h // "was done talking": stopped, unless "not" says otherwise
		case negVerbs[l]:
			neg = true
		case l == "deny" && (x.rel[u] == "xcomp" || u == h+1):
			// What one denies doing one says one did not do ("denied
			// supplying drones"); a clause beside the denial is done
			// ("denied any role, accusing the police").
			neg = true
		case (l == "have" || l == "be") && (hasAdvmod(x, h, "yet") || hasAdvmod(x, u, "yet")):
			neg = true // "has yet to comment"
		case futureVerbs[l] && x.child(h, "compound:prt") < 0: // not "set up barriers to", "went on to win"
			fut = true
		case devotedWords[l] && d.Tokens[u].XPOS == "VBG" && slices.ContainsFunc(x.children[u], func(m int) bool { return x.rel[m] == "mark" && x.lower[m] == "to" }):
			fut = true // "is committed to destroying", "dedicated to ending": an aim
		case l == "be" && x.rel[u] == "xcomp" && arranged(x, u):
			fut = true // "is to visit" with "is" the head
		case desireVerbs[l] || directVerbs[l] && x.rel[u] == "xcomp":
			hyp = true // "urged Russia to withdraw", "told Ethiopia to pull out": asked for, not done
		case likelyWords[l] && d.Tokens[h].UPOS != "VERB":
			hyp = true // "is likely to attack", "close to reaching" (not "closed the border to prevent")
		case weighVerbs[l] && x.rel[u] == "xcomp" && d.Tokens[u].XPOS == "VBG":
			hyp = true // "is considering expelling" (not "considers it important to")
		case hearsayVerbs[l] && x.child(h, "aux:pass") >= 0:
			hyp = true // "are believed to have attacked": held, not shown
		}
		u = h
	}
	// "Kenya to host Ugandan president": a headline's infinitive with a
	// subject of its own and nothing above it announces what is to come.
	if d.Tokens[v].Head < 0 && infinitive(x, v) && x.child(v, "nsubj") >= 0 {
		fut = true
	}
	top := v // the clause v completes, through xcomps and infinitives only ("to continue giving", "to hold a conference to settle"), or v's own
	if viaIntent {
		top = u
	}
	// "a man suspected of murdering the director", "accused of killing
	// two traders": an act alleged, not established.
	// So is one the parser hangs from the accused ("accused the rebels
	// of massacring refugees"); and one of which someone was acquitted
	// or cleared did not happen, as far as the court is concerned.
	if h := x.head[v]; h >= 0 && (x.rel[v] == "acl" || x.rel[v] == "advcl") {
		if m := x.child(v, "mark"); m >= 0 && (x.lower[m] == "of" || x.lower[m] == "with") {
			u := h
			if x.rel[v] == "acl" && (x.rel[h] == "obj" || x.rel[h] == "nsubj:pass" || x.rel[h] == "obl:agent") && x.head[h] >= 0 {
				u = x.head[h]
			}
			switch {
			case allegeWords[x.lemma[u]]:
				hyp = true
			case clearWords[x.lemma[u]] && x.lower[m] == "of":
				neg = true
			}
		}
	}
	// "demanded that Hamas renounce violence (and recognize Israel)": the
	// demanded acts.
	governor := complementHead(x, v)
	if governor >= 0 && desireVerbs[x.lemma[governor]] {
		hyp = true
	}
	// "its demand that Israel ease restrictions": the clause of a noun of
	// asking states what is asked for.
	// So are the acts conjoined to it ("demands that it renounce
	// violence, recognize Israel …"), and the clause the parser hung from
	// the verb of the noun's phrase ("bend to demands that …").
	if c := x.firstConjunct(v); x.head[c] >= 0 {
		h := x.head[c]
		n := h // the noun whose clause c is: its head, or the object of its head
		if x.rel[c] == "ccomp" {
			n = x.child(h, "obj")
			if m := x.child(c, "mark"); n < 0 && m > 0 && x.rel[m-1] == "obl" && x.head[m-1] == h {
				n = m - 1
			}
		}
		if n >= 0 && askNouns[x.lemma[n]] && nounClause(x, n) == c {
			hyp = true
		}
	}
	// "moves to withdraw troops", "plans to attack", "efforts to impose
	// sanctions": an infinitive modifying a noun is an act intended, not
	// done — unless the noun is "the first (last, only) one to visit".
	// So is what it completes ("urged the community to continue giving
	// aid").
	if x.rel[top] == "acl" && infinitive(x, top) {
		if h := x.head[top]; h >= 0 && !slices.ContainsFunc(x.children[h], func(k int) bool { return ordinalWords[x.lower[k]] }) {
			fut = true
			// "Russia's refusal to withdraw", "scrapped plans to visit":
			// an intent refused, failed or given up is not carried out.
			u := x.head[h]
			hyp = hyp || askNouns[x.lemma[h]] // "an appeal to help Peru": asked for
			// "Hezbollah's ability to fight Israel", "the right to
			// strike": what one can or may do, not what one will.
			hyp = hyp || abilityNouns[x.lemma[h]]
			// "urged the two leaders to hold talks" with the
			// infinitive hung on the object (or its last conjunct):
			// asked for, as the verb's complement would be.
			o := x.firstConjunct(h)
			if w := x.head[o]; w >= 0 && (x.rel[o] == "obj" || x.rel[o] == "iobj") && (desireVerbs[x.lemma[w]] || directVerbs[x.lemma[w]]) {
				hyp = true
			}
			neg = neg || negNouns[x.lemma[h]] || u >= 0 && x.rel[h] == "obj" && (negVerbs[x.lemma[u]] || dropping(x, u))
			// "had no plans to attack", "not a plan to withdraw"
			neg = neg || slices.ContainsFunc(x.children[h], func(k int) bool {
				return (x.rel[k] == "det" || x.rel[k] == "advmod") && (x.lower[k] == "no" || negators[x.lower[k]])
			})
		}
	}
	// "will propose a resolution condemning Syria", "rejected a resolution
	// condemning Israel": what a participle says of a verb's object is as
	// real as the object, which is what the verb makes of it ("passed a
	// resolution condemning Israel" condemns it).
	if h := x.head[v]; x.rel[v] == "acl" && d.Tokens[v].XPOS == "VBG" && h >= 0 && x.rel[h] == "obj" && !neg && !cond && !hyp && !fut {
		if u := x.head[h]; u >= 0 && d.Tokens[u].UPOS == "VERB" {
			if dropping(x, u) || negVerbs[x.lemma[u]] {
				neg = true
			} else {
				switch m, _ := modality(d, x, u); m {
				case parley.Negated:
					neg = true
				case parley.Conditional:
					cond = true
				case parley.Hypothetical:
					hyp = true
				case parley.Future:
					fut = true
				}
			}
		}
	}
	// "will free the sailors once Britain apologises", "when Russia and
	// Ukraine meet next week": English puts a clause of time in the
	// present when what it tells is still to come, as the clause it
	// hangs from says.
	fut = fut || !neg && !cond && !hyp && pendingTime(d, x, v)
	// So it is in a clause: "denied that its forces attacked".
	w := x.firstConjunct(v)
	if h := x.head[w]; x.rel[w] == "ccomp" && h >= 0 && x.lemma[h] == "deny" {
		neg = true
	}
	reporter := reportedBy(d, x, v)
	switch {
	case neg:
		return parley.Negated, reporter
	case cond:
		return parley.Conditional, reporter
	case hyp && !((reporter >= 0 || governor >= 0 && speechVerbs[x.lemma[governor]]) && hasAux(x, v, "would")):
		// ("said it would invest": the future of a past statement,
		// whoever made it)
		return parley.Hypothetical, reporter
	case fut || hyp:
		return parley.Future, reporter
	case reporter >= 0:
		return parley.Reported, reporter
	}
	return parley.Asserted, -1
}

// notOnly reports whether negator c opens "not only", "not just" or "not
// merely", which adds to what it negates ("not only damages relations but
// also …").
func notOnly(x *docIndex, c int) bool {
	if c+1 >= len(x.lower) {
		return false
	}
	switch x.lower[c+1] {
	case "only", "just", "merely", "simply", "solely":
		return true
	}
	return false
}

// allegeWords say that someone is said to have done something ("suspected
// of", "accused of", "charged with").
var allegeWords = map[string]bool{"suspect": true, "accuse": true, "charge": true, "allege": true, "indict": true}

// clearWords say that someone was found not to have done something
// ("acquitted of", "cleared of").
var clearWords = map[string]bool{"acquit": true, "clear": true, "absolve": true, "exonerate": true}

// complementHead returns the verb whose complement clause verb v's clause
// is, or the first of the clauses it is conjoined with ("demanded that
// Hamas renounce violence and recognize Israel", "Avex said it would
// invest"); -1 when there is none.
func complementHead(x *docIndex, v int) int {
	w := x.firstConjunct(v)
	if x.rel[w] != "ccomp" {
		return -1
	}
	return x.head[w]
}

// conditionMark reports whether mark m of clause c makes it a condition:
// "if", "unless", "provided" — but not a complement "if", which asks
// whether ("asked if France still supported him").
func conditionMark(x *docIndex, c, m int) bool {
	return conditionMarks[x.lemma[m]] && !(x.rel[c] == "ccomp" && x.lemma[m] == "if" && x.head[c] >= 0 && askVerbs[x.lemma[x.head[c]]])
}

// timeMarks open a clause of time.
var timeMarks = map[string]bool{"when": true, "whenever": true, "once": true, "after": true, "before": true, "until": true, "till": true}

// pendingTime reports whether verb v heads a clause of time in the
// present tense ("once Britain apologises", "after the rebels have
// signed") hanging from a clause whose act is not (yet) done: intended,
// possible, conditional or negated ("will free", "would free", "will not
// attend").
func pendingTime(d *parley.Doc, x *docIndex, v int) bool {
	h := x.head[v]
	if x.rel[v] != "advcl" || h < 0 || d.Tokens[v].XPOS == "VBD" {
		return false
	}
	timed := false
	for _, c := range x.children[v] {
		switch x.rel[c] {
		case "mark", "advmod": // "when" is an adverb
			timed = timed || timeMarks[x.lower[c]] && c < v
		case "aux", "aux:pass":
			if t := d.Tokens[c].XPOS; t == "VBD" || t == "MD" {
				return false // "after they had met", "when they would meet"
			}
		}
	}
	if !timed {
		return false
	}
	if u := d.Tokens[h].UPOS; (u == "NOUN" || u == "PROPN") && x.head[h] >= 0 {
		h = x.head[h] // hung from the clause's object by the parser
	}
	m, _ := modality(d, x, h)
	return m == parley.Future || m == parley.Hypothetical || m == parley.Conditional || m == parley.Negated
}

// askVerbs take a complement "if" that means "whether".
var askVerbs = map[string]bool{"ask": true, "wonder": true, "know": true, "see": true, "check": true, "question": true, "doubt": true, "determine": true, "decide": true, "say": true, "tell": true, "inquire": true}

// condition reports whether clause c states a condition: "if" or
// "unless", or an inverted auxiliary ("should there be no ceasefire",
// "had they known").
func condition(d *parley.Doc, x *docIndex, c int) bool {
	subj := -1
	for _, k := range x.children[c] {
		switch x.rel[k] {
		case "mark":
			if conditionMark(x, c, k) {
				return true
			}
		case "nsubj", "nsubj:pass", "expl":
			if subj < 0 {
				subj = k
			}
		}
	}
	for _, k := range x.children[c] {
		if (x.rel[k] == "aux" || x.rel[k] == "cop") && subj >= 0 && k < subj {
			if l := x.lemma[k]; l == "should" || l == "be" || l == "have" {
				return true
			}
		}
	}
	// "should there be": the verb itself before its subject.
	if x.lemma[c] == "be" && subj > c && c > 0 && x.lemma[c-1] == "should" {
		return true
	}
	return conditionWords(d, x, c)
}

// conditionWords reports whether clause c opens with "in the event
// (that)" or "in case" ("in the event Tehran is condemned", "in case
// talks fail"): words the parser seldom makes a mark, right before the
// clause's subject and auxiliaries.
func conditionWords(d *parley.Doc, x *docIndex, c int) bool {
	for i, n := c-1, 0; i >= 1 && n < 6; i, n = i-1, n+1 {
		switch {
		case x.lower[i] == "case" && x.lower[i-1] == "in",
			x.lower[i] == "event" && i >= 2 && x.lower[i-1] == "the" && x.lower[i-2] == "in",
			x.lower[i] == "that" && i >= 3 && x.lower[i-1] == "event" && x.lower[i-2] == "the" && x.lower[i-3] == "in":
			return true
		}
		if u := d.Tokens[i].UPOS; u != "PROPN" && u != "NOUN" && u != "DET" && u != "AUX" && u != "ADJ" && u != "PART" && u != "SCONJ" && u != "ADV" {
			return false
		}
	}
	return false
}

// reportedBy returns the actor whose statement carries verb v's clause:
// the subject of the verb of saying whose complement holds v, directly or
// through a phrase of it ("the acts of troops who kill farmers," the
// minister said). It returns -1 when v's clause is not in such a
// complement or the speaker is no actor.
func reportedBy(d *parley.Doc, x *docIndex, v int) int {
	return reportedThrough(d, x, v, true)
}

// reportedThrough is reportedBy climbing from v through clauses only
// (ccomp, parataxis, conj, xcomp, advcl) or, with phrases, through the
// phrases that hold a clause as well.
func reportedThrough(d *parley.Doc, x *docIndex, v int, phrases bool) int {
	u := v
	for depth := 0; depth < 6; depth++ {
		// "Troops attacked the town, the minister said": the verb of
		// saying after the clause hangs from it.
		for _, c := range x.children[u] {
			if x.rel[c] == "parataxis" && c > u && (speechVerbs[x.lemma[c]] || complaintVerbs[x.lemma[c]]) {
				if s := x.child(c, "nsubj"); s > c {
					if as := actorsAt(d, x, s); len(as) > 0 {
						return as[0]
					}
				}
			}
		}
		h := d.Tokens[u].Head
		if h < 0 {
			return -1
		}
		switch x.rel[u] {
		case "ccomp", "parataxis":
			if speechVerbs[x.lemma[h]] {
				s, _ := subject(d, x, h, 0)
				if as := actorsAt(d, x, s); len(as) > 0 {
					return as[0]
				}
				return -1
			}
			u = h
		case "conj", "xcomp", "advcl":
			u = h
		case "acl", "acl:relcl", "nmod", "obl", "obj", "iobj", "nsubj", "nsubj:pass", "appos":
			if !phrases {
				return -1
			}
			// "the acts of troops who kill farmers," the minister said:
			// a clause inside a phrase of what is said is said too (the
			// subject of the verb of saying is no clause of it, which
			// only a ccomp or parataxis above reaches).
			u = h
		default:
			return -1
		}
	}
	return -1
}

func hasAdvmod(x *docIndex, v int, word string) bool {
	for _, c := range x.children[v] {
		if x.rel[c] == "advmod" && x.lemma[c] == word {
			return true
		}
	}
	return false
}

func hasAux(x *docIndex, v int, word string) bool {
	for _, c := range x.children[v] {
		if x.rel[c] == "aux" && x.lemma[c] == word {
			return true
		}
	}
	return false
}

// nonFinite reports whether verb u heads a clause without a subject or a
// finite verb: an infinitive or participle.
func nonFinite(d *parley.Doc, x *docIndex, u int) bool {
	if x.child(u, "nsubj", "nsubj:pass", "mark") >= 0 && x.lemma[x.child(u, "nsubj", "nsubj:pass", "mark")] != "to" {
		return false
	}
	return !strings.Contains(d.Tokens[u].Feats, "VerbForm=Fin")
}

// dropping reports whether verb v gives up, stops or refuses what it
// takes (dropVerbs, or a verb and particle of dropPhrasal).
func dropping(x *docIndex, v int) bool {
	if dropVerbs[x.lemma[v]] {
		return true
	}
	p, ok := dropPhrasal[x.lemma[v]]
	return ok && slices.ContainsFunc(x.children[v], func(k int) bool { return x.rel[k] == "compound:prt" && x.lower[k] == p })
}
