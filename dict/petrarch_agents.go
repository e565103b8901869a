package dict

import (
	"io"
	"strings"
)

// ReadPetrarchAgents reads a PETRARCH agent dictionary. name is the file
// name used in positions and problems.
//
// Each line is "PHRASE {PLURAL} [CODE]" or a substitution-marker
// definition "!NAME! = A, B, C". The plural is generated when no {…}
// follows the phrase (documented rule: y → ies, ss → sses, else +s); "{}"
// means no plural. A phrase holding a marker ("WINDMILL!WORKER!") stands
// for one phrase per item of the marker's list, without plurals. Lines
// PETRARCH skips — no code, an undefined marker, a bad definition — are
// skipped with a warning.
func ReadPetrarchAgents(r io.Reader, name string) ([]Agent, []error) {
	p := &problems{file: name}
	lines := newPetrarchLines(r, p)
	markers := map[string][]string{}
	var agents []Agent
	for {
		line, n, ok := lines.next()
		if !ok {
			break
		}
		t := trim(line)
		if strings.Contains(t, "!") && strings.Contains(t, "=") {
			k := strings.IndexByte(t, '!')
			j := strings.IndexByte(t[k+1:], '!')
			eq := strings.IndexByte(t, '=')
			if j < 0 || eq < k+1+j {
				p.warnf(n, "substitution marker definition %q is malformed and skipped: want \"!NAME! = A, B, C\"", t)
				continue
			}
			var items []string
			for _, it := range strings.Split(t[eq+1:], ",") {
				if it = trim(it); it != "" {
					items = append(items, it)
				}
			}
			markers[t[k+1:k+1+j]] = items
			continue
		}
		head, groups, rest, bad := splitBrackets(t)
		if bad && strings.Count(t, "[") == 1 && (strings.HasSuffix(t, "}") || strings.HasSuffix(t, ")")) {
			// "[~BKR}": the code closed with the wrong bracket.
			i := strings.IndexByte(t, '[')
			head, groups, rest, bad = t[:i], []string{t[i+1 : len(t)-1]}, "", false
			p.warnf(n, "code %q is closed with %q instead of \"]\"; PETRARCH keeps the bracket in the code; read as [%s]", t[i:], t[len(t)-1:], trim(groups[0]))
		}
		switch {
		case len(groups) == 0 && !bad:
			p.warnf(n, "agent %q has no [CODE]; PETRARCH skips it", t)
			continue
		case bad:
			p.errorf(n, "cannot read agent line %q: want \"PHRASE {PLURAL} [CODE]\"", t)
			continue
		}
		if rest != "" {
			p.warnf(n, "text %q after the agent's code is ignored", rest)
		}
		if len(groups) > 1 {
			p.warnf(n, "agent has %d codes; PETRARCH uses the first", len(groups))
		}
		a := Agent{Pos: Pos{File: name, Line: n}}
		a.setCode(trim(groups[0]))
		if !validCode(a.Code) {
			p.errorf(n, "agent %q has code [%s]: want one word", trim(head), a.Code)
			continue
		}
		if k := strings.IndexByte(head, '!'); k >= 0 {
			j := strings.IndexByte(head[k+1:], '!')
			if j < 0 {
				p.warnf(n, "substitution marker in %q is not closed with \"!\"; PETRARCH skips the line", trim(head))
				continue
			}
			items, ok := markers[head[k+1:k+1+j]]
			if !ok {
				p.warnf(n, "substitution marker !%s! is not defined above; PETRARCH skips the line", head[k+1:k+1+j])
				continue
			}
			for _, it := range items {
				if ph := ParsePhrase(head[:k] + it + head[k+2+j:]); len(ph) > 0 {
					a.Names = append(a.Names, ph)
				}
			}
		} else {
			phrase, plural, braces := head, "", false
			if i := strings.IndexByte(head, '{'); i >= 0 {
				j := strings.IndexByte(head[i:], '}')
				if j < 0 {
					p.warnf(n, "plural \"{\" in %q is not closed with \"}\"; PETRARCH skips the line", trim(head))
					continue
				}
				phrase, plural, braces = head[:i], head[i+1:i+j], true
				if after := trim(head[i+j+1:]); after != "" {
					p.warnf(n, "text %q after the plural is ignored", after)
				}
			}
			ph := ParsePhrase(phrase)
			if len(ph) == 0 {
				p.errorf(n, "agent line %q has no phrase", t)
				continue
			}
			a.Names = append(a.Names, ph)
			if braces {
				if pl := ParsePhrase(plural); len(pl) > 0 {
					a.Names = append(a.Names, pl)
				}
			} else {
				a.Names = append(a.Names, withLast(ph, nounPlural(ph[len(ph)-1])))
			}
		}
		if len(a.Names) == 0 {
			p.errorf(n, "agent line %q has no phrase", t)
			continue
		}
		agents = append(agents, a)
	}
	return agents, p.list
}
