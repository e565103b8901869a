package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-events/parley/depparse"
)

// A treebank of our own sentences, enough for the training commands to
// run end to end.
const tinyConllu = `# text = Envoys met in Geneva.
1	Envoys	envoy	NOUN	NNS	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	in	in	ADP	IN	_	4	case	_	_
4	Geneva	Geneva	PROPN	NNP	_	2	obl	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

# text = Police detained twelve protesters.
1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	detained	detain	VERB	VBD	_	0	root	_	_
3	twelve	twelve	NUM	CD	_	4	nummod	_	_
4	protesters	protester	NOUN	NNS	_	2	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

`

// TestTrainParserAndNetwork trains both of the parser's scorers on a
// tiny treebank, the network also on "silver" trees and with 4-bit
// weights, and checks that the files load as what they are and combine.
func TestTrainParserAndNetwork(t *testing.T) {
	dir := t.TempDir()
	tb := filepath.Join(dir, "tiny.conllu")
	if err := os.WriteFile(tb, []byte(tinyConllu), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "w4"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"train", "parser", "--train", tb, "--epochs", "2", "--out", dir},
		{"train", "network", "--train", tb, "--silver", tb, "--epochs", "2", "--hidden", "64", "--bits", "10", "--out", dir},
		{"train", "network", "--train", tb, "--epochs", "2", "--hidden", "64", "--bits", "10", "--weight-bits", "4", "--out", filepath.Join(dir, "w4")},
	} {
		if code, _, errOut := run(t, "", args...); code != 0 {
			t.Fatalf("parley %s: status %d: %s", strings.Join(args, " "), code, errOut)
		}
	}
	load := func(name string) *depparse.Model {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		m, err := depparse.Load(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return m
	}
	perc, net := load("parser.model"), load("network.model")
	if _, err := depparse.Combine(perc, net, 1); err != nil {
		t.Errorf("the trained perceptron and network do not combine: %v", err)
	}
	if _, err := depparse.Combine(perc, load("w4/network.model"), 1); err != nil {
		t.Errorf("the trained perceptron and 4-bit network do not combine: %v", err)
	}
	if code, _, errOut := run(t, "", "train", "network", "--train", tb, "--weight-bits", "5", "--out", dir); code != exitUsage || !strings.Contains(errOut, "--weight-bits 5") {
		t.Errorf("--weight-bits 5: status %d, stderr %q", code, errOut)
	}
	if _, err := depparse.Combine(net, perc, 1); err == nil {
		t.Errorf("a network combined as the perceptron")
	}
	if code, _, errOut := run(t, "", "train", "parsr", "--train", tb, "--out", dir); code != exitUsage || !strings.Contains(errOut, "want tagger, lemma, parser, network") {
		t.Errorf("unknown model: status %d, stderr %q", code, errOut)
	}
}

// TestParserMargin checks --parser-margin: the network alone, the
// perceptron alone (without loading the network) and the default all
// parse; a margin that is no number of 0 or more is a usage error.
func TestParserMargin(t *testing.T) {
	const text = "The envoys met in Geneva on Monday and agreed to resume the talks."
	for _, m := range []string{"0", "1e9", ""} {
		args := []string{"annotate", "--stages", "tokenize,segment,postag,lemma,depparse"}
		if m != "" {
			args = append(args, "--parser-margin", m)
		}
		code, out, errOut := run(t, text, args...)
		if code != 0 || !strings.Contains(out, "\troot\t") {
			t.Errorf("--parser-margin %q: status %d, stderr %q, output %q", m, code, errOut, out)
		}
	}
	for _, m := range []string{"x", "-1"} {
		if code, _, errOut := run(t, text, "annotate", "--parser-margin", m); code != exitUsage || !strings.Contains(errOut, "parser-margin") {
			t.Errorf("--parser-margin %s: status %d, stderr %q", m, code, errOut)
		}
	}
}
