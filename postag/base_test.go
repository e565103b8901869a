package postag

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"testing"

	"github.com/parley-events/parley/conllu"
)

// baseTagsDigest is the digest of the base tagger's tags (the embedded
// model with Base's rules) over the EWT and GUM training files.
const baseTagsDigest = "7e661eb6765b8af1590c96e897232c8db4276ce612a1e894817e8d4d02b8e6bf"

// TestBaseRulesFrozen guards the committed parser's rebuild: the parser
// is trained on tags made with the base rules (Tagger.Base), so a change
// to them changes what scripts/train-models.sh builds. When this fails
// after a change to the base rules, retrain the parser (and its figures)
// or keep the change out of Base; when it fails because the tagger model
// was retrained, update the digest.
func TestBaseRulesFrozen(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	base := tg.Base()
	h := sha256.New()
	for _, name := range featsTrainFiles {
		eachUDSentence(t, name, func(s *conllu.Sentence) {
			var words []string
			for _, w := range s.Words() {
				words = append(words, w.Form)
			}
			upos, xpos := base.Tag(words)
			for i := range upos {
				io.WriteString(h, upos[i]+"\t"+xpos[i]+"\n")
			}
		})
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != baseTagsDigest {
		t.Errorf("base tags digest %s, want %s: the base rules or the tagger model changed", got, baseTagsDigest)
	}
}
