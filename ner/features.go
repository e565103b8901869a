package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley/cluster"
	"github.com/parley-events/parley/internal/wordcache"
	"github.com/parley-events/parley/perceptron"
)

// Feature templates; the numbers are part of the trained model.
const (
	fBias = iota + 1
	fWord
	fLower
	fShape
	fShort
	fPre
	fSuf
	fCtx
	fBigram
	fShapeCtx
	fPrev
	fPrevWord
	fPrevShape
	fGaz
	fGazWord
	fClus
	fHist
	fCaps
	fFirst
)

// sentence holds what the features of one sentence read, computed once.
type sentence struct {
	words  []string // as written
	lower  []string
	shapes []string
	shorts []string
	clus   []cluster.Cluster
	gaz    [][]gazMark // per token: the lexicon phrases covering it
	caps   bool        // the sentence is in capitals (a headline or dateline)
	title  bool        // the sentence is in title case (a headline)
	// forms, when not nil, keeps what prepare works out for each word
	// form.
	forms *wordcache.Table[wordForm]
}

// wordForm is what prepare works out for a word form alone.
type wordForm struct {
	lower, shape, short string
	clus                cluster.Cluster
	letters, upper      int
}

// maxForms bounds the forms a sentence keeps; when full it starts afresh.
const maxForms = 1 << 15

// form returns what prepare needs of word form w.
func (s *sentence) form(w string, clus map[string]cluster.Cluster) wordForm {
	if f, ok := s.forms.Get(w); ok {
		return f
	}
	f := wordForm{lower: foldWord(w), clus: cluster.Of(clus, w)}
	f.shape, f.short = shapes(w)
	for _, r := range w {
		if unicode.IsLetter(r) {
			f.letters++
			if unicode.IsUpper(r) {
				f.upper++
			}
		}
	}
	s.forms.Put(w, f)
	return f
}

// gazMark says a token is at position Pos (B, I, L or U) of a lexicon
// phrase in the lists Cat.
type gazMark struct {
	Cat Category
	Pos byte
}

// prepare fills s for words.
func (s *sentence) prepare(words []string, lex *Lexicon, clus map[string]cluster.Cluster) {
	n := len(words)
	s.words = words
	s.lower = s.lower[:0]
	s.shapes = s.shapes[:0]
	s.shorts = s.shorts[:0]
	s.clus = s.clus[:0]
	letters, upper, words3, titled, small := 0, 0, 0, 0, 0
	for _, w := range words {
		switch w {
		case "a", "an", "the", "and", "of", "in", "on", "at", "to", "for", "by", "as", "with":
			small++
		}
		if r, _ := utf8.DecodeRuneInString(w); len(w) > 3 && unicode.IsLetter(r) {
			words3++
			if unicode.IsUpper(r) {
				titled++
			}
		}
		f := s.form(w, clus)
		s.lower, s.shapes, s.shorts = append(s.lower, f.lower), append(s.shapes, f.shape), append(s.shorts, f.short)
		s.clus = append(s.clus, f.clus)
		letters, upper = letters+f.letters, upper+f.upper
	}
	s.caps = letters >= 8 && upper*10 >= letters*9
	// Title case: nearly every word of four letters or more is capitalised,
	// which running prose never does, and function words are not, which
	// tells a headline from a list of names.
	s.title = !s.caps && words3 >= 4 && titled*10 >= words3*9 && small > 0
	if cap(s.gaz) < n {
		s.gaz = make([][]gazMark, n)
	}
	s.gaz = s.gaz[:n]
	for i := range s.gaz {
		s.gaz[i] = s.gaz[i][:0]
	}
	if lex == nil {
		return
	}
	// Every lexicon phrase in the sentence, longest first at each start.
	for i := 0; i < n; i++ {
		// The phrases starting at i, their hashes extended word by word
		// as phraseHash computes them, as long as a longer one may
		// follow.
		var found [maxPhrase + 1]Category
		h := phraseStart()
		for k := 1; k <= min(maxPhrase, n-i); k++ {
			h = h.Str(s.lower[i+k-1])
			c := lex.cats[h.Sum()]
			found[k] = c &^ startsLonger
			if c&startsLonger == 0 {
				break
			}
		}
		for k := min(maxPhrase, n-i); k >= 1; k-- {
			c := found[k]
			if c == 0 {
				continue
			}
			for j := i; j < i+k; j++ {
				pos := byte('I')
				switch {
				case k == 1:
					pos = 'U'
				case j == i:
					pos = 'B'
				case j == i+k-1:
					pos = 'L'
				}
				s.gaz[j] = append(s.gaz[j], gazMark{c, pos})
			}
			break
		}
	}
}

// shapes returns a word's shape (X for capitals, x for lower case, d for
// digits, other characters as themselves, runs longer than two cut to
// two) and short shape (runs cut to one).
func shapes(w string) (string, string) {
	var b, s strings.Builder
	var last rune
	run := 0
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
		} else {
			last, run = c, 1
			s.WriteRune(c)
		}
		if run <= 2 {
			b.WriteRune(c)
		}
		if b.Len() > 12 {
			break
		}
	}
	return b.String(), s.String()
}

func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// features appends the features of token i, given the classes already
// chosen for the tokens before it (prev) and the entity type the same
// word last had in the document (hist, "" for none).
func (s *sentence) features(dst []uint64, i int, prev []int, hist string) []uint64 {
	H := perceptron.New
	at := func(v []string, j int) string {
		if j < 0 {
			return "<s>"
		}
		if j >= len(v) {
			return "</s>"
		}
		return v[j]
	}
	w, lw, sh := s.words[i], s.lower[i], s.shapes[i]
	p1, p2 := -1, -1
	if i > 0 {
		p1 = prev[i-1]
	}
	if i > 1 {
		p2 = prev[i-2]
	}
	caps := 0 // the sentence's case: 0 normal, 1 capitals, 2 title case
	switch {
	case s.caps:
		caps = 1
	case s.title:
		caps = 2
	}
	dst = append(dst,
		H(fBias).Sum(),
		H(fWord).Str(w).Sum(),
		H(fLower).Str(lw).Sum(),
		H(fShape).Str(sh).Sum(),
		H(fShort).Str(s.shorts[i]).I(caps).Sum(),
		H(fPre).I(3).Str(prefix(lw, 3)).Sum(),
		H(fSuf).I(2).Str(suffix(lw, 2)).Sum(),
		H(fSuf).I(3).Str(suffix(lw, 3)).Sum(),
		H(fSuf).I(4).Str(suffix(lw, 4)).Sum(),
		H(fCtx).I(-1).Str(at(s.lower, i-1)).Sum(),
		H(fCtx).I(1).Str(at(s.lower, i+1)).Sum(),
		H(fCtx).I(-2).Str(at(s.lower, i-2)).Sum(),
		H(fCtx).I(2).Str(at(s.lower, i+2)).Sum(),
		H(fBigram).I(-1).Str(at(s.lower, i-1)).Str(lw).Sum(),
		H(fBigram).I(1).Str(lw).Str(at(s.lower, i+1)).Sum(),
		H(fShapeCtx).I(-1).Str(at(s.shorts, i-1)).Str(s.shorts[i]).Sum(),
		H(fShapeCtx).I(1).Str(s.shorts[i]).Str(at(s.shorts, i+1)).Sum(),
		H(fShapeCtx).I(0).Str(at(s.shorts, i-1)).Str(s.shorts[i]).Str(at(s.shorts, i+1)).Sum(),
		H(fPrev).I(p1).Sum(),
		H(fPrev).I(p1).I(p2).Sum(),
		H(fPrevWord).I(p1).Str(lw).Sum(),
		H(fPrevShape).I(p1).Str(s.shorts[i]).Sum(),
		H(fClus).I(0).I(int(s.clus[i].Fine)).Sum(),
		H(fClus).I(1).I(int(s.clus[i].Coarse)).Sum(),
		H(fClus).I(2).I(int(clusAt(s.clus, i-1).Coarse)).I(int(s.clus[i].Coarse)).Sum(),
		H(fClus).I(3).I(int(s.clus[i].Coarse)).I(int(clusAt(s.clus, i+1).Coarse)).Sum(),
		H(fClus).I(4).I(int(s.clus[i].Fine)).Str(s.shorts[i]).Sum(),
		H(fHist).Str(hist).Sum(),
		H(fHist).Str(hist).Str(s.shorts[i]).Sum(),
		H(fCaps).I(caps).Str(lw).Sum(),
		H(fWord).I(-1).Str(at(s.words, i-1)).Sum(),
		H(fWord).I(1).Str(at(s.words, i+1)).Sum(),
	)
	if i == 0 {
		dst = append(dst, H(fFirst).Str(lw).Sum(), H(fFirst).Str(sh).Sum())
	}
	for _, g := range s.gaz[i] {
		for c := Category(1); c <= Organization; c <<= 1 {
			if g.Cat&c != 0 {
				dst = append(dst,
					H(fGaz).I(int(c)).I(int(g.Pos)).Sum(),
					H(fGazWord).I(int(c)).I(int(g.Pos)).Str(s.shorts[i]).Sum(),
				)
			}
		}
	}
	for _, j := range [...]int{i - 1, i + 1} {
		if j >= 0 && j < len(s.gaz) {
			for _, g := range s.gaz[j] {
				dst = append(dst, H(fGaz).I(j-i).I(int(g.Cat)).I(int(g.Pos)).Sum())
			}
		}
	}
	return dst
}

func clusAt(c []cluster.Cluster, j int) cluster.Cluster {
	if j < 0 || j >= len(c) {
		return cluster.Cluster{Fine: 0xfffe, Coarse: 0xfffe}
	}
	return c[j]
}
