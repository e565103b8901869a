package conllu_test

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/conllu"
)

func ExampleReader() {
	src := "# sent_id = 1\n# text = It works.\n" +
		"1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n" +
		"2\tworks\twork\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n" +
		"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	r := conllu.NewReader(strings.NewReader(src), "example.conllu")
	for {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		for _, w := range s.Words() {
			fmt.Println(s.ID, w.ID, w.Form, w.UPOS, w.Head, w.DepRel)
		}
	}
	// Output:
	// 1 1 It PRON 2 nsubj
	// 1 2 works VERB 0 root
	// 1 3 . PUNCT 2 punct
}

func ExampleWriteDoc() {
	d := parley.NewDoc("Hi there!")
	d.SourceID = "greeting"
	d.Layers = parley.LayerTokens | parley.LayerSentences
	d.Tokens = []parley.Token{{Start: 0, End: 2}, {Start: 3, End: 8}, {Start: 8, End: 9}}
	d.Sentences = []parley.Sentence{{Tokens: parley.Span{Start: 0, End: 3}}}
	if err := conllu.WriteDoc(os.Stdout, d); err != nil {
		log.Fatal(err)
	}
	// Output:
	// # newdoc id = greeting
	// # newpar
	// # sent_id = greeting-1
	// # text = Hi there!
	// 1	Hi	_	_	_	_	_	_	_	_
	// 2	there	_	_	_	_	_	_	_	SpaceAfter=No
	// 3	!	_	_	_	_	_	_	_	_
}
