package dict

import (
	"io"
	"slices"
	"strings"
)

// ReadPetrarchDiscards reads a PETRARCH discard list: one phrase a line,
// "+" in front for a story-level discard, "_" at the end for a whole-word
// match (otherwise the last word is a stem). name is the file name used in
// positions and problems.
func ReadPetrarchDiscards(r io.Reader, name string) ([]Discard, []error) {
	p := &problems{file: name}
	lines := newPetrarchLines(r, p)
	var out []Discard
	for {
		line, n, ok := lines.next()
		if !ok {
			break
		}
		t := trim(line)
		d := Discard{Pos: Pos{File: name, Line: n}}
		if t[0] == '+' {
			d.Story, t = true, trim(t[1:])
		}
		d.Stem = !strings.HasSuffix(t, "_")
		if d.Phrase = ParsePhrase(t); len(d.Phrase) == 0 {
			p.errorf(n, "empty discard phrase")
			continue
		}
		if strings.HasSuffix(d.Phrase[len(d.Phrase)-1], "*") {
			p.errorf(n, "discard %q ends with \"*\", which parley's format reads as a stem marker; remove it", t)
			continue
		}
		out = append(out, d)
	}
	return out, p.list
}

// ReadPetrarchIssues reads a PETRARCH issue list. name is the file name
// used in positions and problems.
//
// Lines are "PHRASE [CODE]", or "~PHRASE" and "~~PHRASE" for exclusions
// (sentence and story), grouped in <ISSUE CATEGORY="…"> … </ISSUE>
// sections. In a phrase "n:WORD" stands for the noun and its plural, "v:WORD"
// for the verb and its regular forms, and "+" for both a space and a
// hyphen ("bread+n:oven": "bread oven", "bread ovens", "bread-oven",
// "bread-ovens"); Issue.Forms holds them in PETRARCH's order. A phrase
// without a code, which PETRARCH skips, is skipped with a warning.
func ReadPetrarchIssues(r io.Reader, name string) ([]Issue, []error) {
	p := &problems{file: name}
	lines := newPetrarchLines(r, p)
	var out []Issue
	category, catLine, inSection := "", 0, false
	for {
		line, n, ok := lines.next()
		if !ok {
			break
		}
		t := trim(line)
		if t[0] == '<' {
			switch {
			case strings.HasPrefix(t, "</ISSUE"):
				if !inSection {
					p.warnf(n, "</ISSUE> closes no <ISSUE> section")
				}
				category, inSection = "", false
			case strings.HasPrefix(t, "<ISSUE"):
				if inSection {
					p.warnf(n, "<ISSUE> section opened inside section %q (line %d), which was never closed", category, catLine)
				}
				category, catLine, inSection = attr(t, "CATEGORY"), n, true
				if c := strings.Join(fields(strings.NewReplacer("[", " ", "]", " ").Replace(category)), "_"); c != category {
					p.warnf(n, "category %q is not one word; read as %q", category, c)
					category = c
				}
				if category == "" {
					p.warnf(n, "<ISSUE> section without a CATEGORY=\"…\" attribute")
				}
			default:
				p.warnf(n, "unknown tag %q is ignored", t)
			}
			continue
		}
		base := Issue{Category: category, Pos: Pos{File: name, Line: n}}
		var entries []Issue
		var texts []string
		switch {
		case strings.HasPrefix(t, "~~"):
			base.Exclude = ExcludeStory
			entries, texts = []Issue{base}, []string{t[2:]}
		case strings.HasPrefix(t, "~"):
			base.Exclude = ExcludeSentence
			entries, texts = []Issue{base}, []string{t[1:]}
		default:
			pairs, rest, bad := issuePairs(t)
			for k := 1; k < len(pairs); k++ {
				if trim(pairs[k][0]) == "" {
					p.warnf(n, "second code [%s] right after the first is ignored, as PETRARCH ignores it", pairs[k][1])
					pairs = slices.Delete(pairs, k, k+1)
					k--
				}
			}
			switch {
			case bad:
				p.errorf(n, "cannot read issue line %q: want \"PHRASE [CODE]\"", t)
				continue
			case len(pairs) == 0:
				p.warnf(n, "issue phrase %q has no [CODE]; PETRARCH skips it", t)
				continue
			case len(pairs) > 1:
				p.warnf(n, "%d issue entries on one line; PETRARCH reads only the first; read as %d entries", len(pairs), len(pairs))
			}
			if rest != "" {
				p.warnf(n, "text %q after the issue's code is ignored", rest)
			}
			for _, pr := range pairs {
				is := base
				if is.Code = trim(pr[1]); !validCode(is.Code) {
					p.errorf(n, "issue %q has code [%s]: want one word", trim(pr[0]), is.Code)
					continue
				}
				entries, texts = append(entries, is), append(texts, pr[0])
			}
		}
		for k, is := range entries {
			forms, bad := issueForms(strings.ToLower(trim(texts[k])))
			if bad != "" {
				p.errorf(n, "issue phrase %q: %s", trim(texts[k]), bad)
				continue
			}
			for _, f := range forms {
				if ph := ParsePhrase(f); len(ph) > 0 {
					is.Forms = append(is.Forms, ph)
				}
			}
			if len(is.Forms) == 0 {
				p.errorf(n, "issue [%s] has an empty phrase", is.Code)
				continue
			}
			is.Phrase = is.Forms[0]
			out = append(out, is)
		}
	}
	if inSection {
		p.warnf(catLine, "<ISSUE> section %q is never closed with </ISSUE>", category)
	}
	return out, p.list
}

// issuePairs splits an issue line into (phrase, code) pairs, "PHRASE
// [CODE] PHRASE [CODE] …". rest is the text after the last code; bad is
// set when a "[" is not closed.
func issuePairs(s string) (pairs [][2]string, rest string, bad bool) {
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return pairs, trim(s), false
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return pairs, "", true
		}
		pairs = append(pairs, [2]string{s[:i], s[i+1 : i+j]})
		s = s[i+j+1:]
	}
}

// attr returns the value of the attribute name="…" in tag t, or "".
func attr(t, name string) string {
	i := strings.Index(t, name+"=\"")
	if i < 0 {
		return ""
	}
	v := t[i+len(name)+2:]
	if j := strings.IndexByte(v, '"'); j >= 0 {
		return v[:j]
	}
	return ""
}

// issueForms expands the markers of a lower-case issue phrase in
// PETRARCH's order: each pass over the forms replaces, in each form, the
// first "+" (by a space, inserting the hyphenated form after it), the first
// "n:" (singular, then the plural: y → ies, else +s) and the first "v:"
// (root, then -s, -ed or -d after e, -ing dropping a final e), until
// nothing changes. bad explains a marker without a word.
func issueForms(s string) (forms []string, bad string) {
	forms = []string{s}
	for changed := true; changed; {
		changed = false
		for k := 0; k < len(forms); k++ {
			if i := strings.IndexByte(forms[k], '+'); i >= 0 {
				f := forms[k]
				forms[k] = f[:i] + " " + f[i+1:]
				forms = slices.Insert(forms, k+1, f[:i]+"-"+f[i+1:])
				changed = true
			}
			if i := strings.Index(forms[k], "n:"); i >= 0 {
				pre, word, post := splitWord(forms[k], i)
				if word == "" {
					return nil, "\"n:\" without a noun"
				}
				forms[k] = pre + word + post
				pl := word + "s"
				if strings.HasSuffix(word, "y") {
					pl = word[:len(word)-1] + "ies"
				}
				forms = slices.Insert(forms, k+1, pre+pl+post)
				changed = true
			}
			if i := strings.Index(forms[k], "v:"); i >= 0 {
				pre, word, post := splitWord(forms[k], i)
				if word == "" {
					return nil, "\"v:\" without a verb"
				}
				forms[k] = pre + word + post
				ed, ing := word+"ed", word+"ing"
				if strings.HasSuffix(word, "e") {
					ed, ing = word+"d", word[:len(word)-1]+"ing"
				}
				forms = slices.Insert(forms, k+1, pre+word+"s"+post, pre+ed+post, pre+ing+post)
				changed = true
			}
		}
	}
	return forms, ""
}

// splitWord splits f around the marker at i ("n:" or "v:"): the text
// before it, the word after it up to the next space, and the rest.
func splitWord(f string, i int) (pre, word, post string) {
	pre, rest := f[:i], f[i+2:]
	if j := strings.IndexByte(rest, ' '); j >= 0 {
		return pre, rest[:j], rest[j:]
	}
	return pre, rest, ""
}
