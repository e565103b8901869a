package dict

import (
	"errors"
	"fmt"
	"strings"

	"github.com/parley-events/parley"
)

// Warning is the cause of a problem that does not stop a dictionary from
// being used: an entry PETRARCH itself would ignore or misread, a probable
// typo, a duplicate.
type Warning struct{ Msg string }

// Error returns "warning: " and the message.
func (w *Warning) Error() string { return "warning: " + w.Msg }

// IsWarning reports whether err is a warning rather than an error.
func IsWarning(err error) bool {
	var w *Warning
	return errors.As(err, &w)
}

// problems collects the problems found in one file.
type problems struct {
	file string
	list []error
}

// errorf records an error at line n.
func (p *problems) errorf(n int, format string, args ...any) {
	p.list = append(p.list, &parley.Error{Op: "dict", Kind: parley.Invalid, Input: p.file, Line: n, Err: fmt.Errorf(format, args...)})
}

// warnf records a warning at line n.
func (p *problems) warnf(n int, format string, args ...any) {
	p.list = append(p.list, &parley.Error{Op: "dict", Input: p.file, Line: n, Err: &Warning{fmt.Sprintf(format, args...)}})
}

// ioError records a failure to read the file.
func (p *problems) ioError(n int, err error) {
	p.list = append(p.list, &parley.Error{Op: "dict", Kind: parley.IO, Input: p.file, Line: n, Err: err})
}

// errorsOnly returns the problems that are not warnings.
func errorsOnly(list []error) []error {
	var out []error
	for _, e := range list {
		if !IsWarning(e) {
			out = append(out, e)
		}
	}
	return out
}

// loadError turns the errors among problems into one error for Load and
// LoadPetrarch, or returns nil when there are none.
func loadError(op string, list []error) error {
	errs := errorsOnly(list)
	if len(errs) == 0 {
		return nil
	}
	if len(errs) == 1 {
		return &parley.Error{Op: op, Kind: parley.KindOf(errs[0]), Err: errs[0]}
	}
	return &parley.Error{Op: op, Kind: parley.KindOf(errs[0]),
		Err: fmt.Errorf("%w (and %d more problems; run \"parley dict check DIR\" to list them)", errs[0], len(errs)-1)}
}

// blockPhrase returns the phrase of ln, a "name", "not" or "member" line
// that belongs in the block an opener line ("actor", "agent", "synset")
// starts, open telling whether one is open. It records why there is none:
// the line is outside a block, has no phrase, or (but for a "not" line,
// which only has to equal a name) holds a phrase no name can be.
func (p *problems) blockPhrase(ln pline, open bool, opener string) (Phrase, bool) {
	if !open {
		article := "a"
		if strings.IndexByte("aeiou", opener[0]) >= 0 {
			article = "an"
		}
		p.errorf(ln.n, "%q line outside %s %s block: put it under its %q line, with no blank line between", ln.key, article, opener, opener)
		return nil, false
	}
	ph := ParsePhrase(ln.rest)
	if len(ph) == 0 {
		what := "name"
		if ln.key == "member" {
			what = "phrase"
		}
		p.errorf(ln.n, "%q line has no %s", ln.key, what)
		return nil, false
	}
	if ln.key != "not" {
		if msg := phraseProblem(ph); msg != "" {
			p.errorf(ln.n, "%s", msg)
			return nil, false
		}
	}
	return ph, true
}
