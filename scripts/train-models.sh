#!/usr/bin/env bash
# Rebuilds every trained model that parley embeds: the tagger, lemmatizer
# and parser (a perceptron, then a network taught also by the perceptron's
# trees of the unlabeled news) from the UD English treebanks in
# ../shared/data/ud, the entity
# recognizer from CoNLL++ in ../shared/data/ner and its lexicon from the
# gazetteer sources in ../shared/data/geo (train splits; dev splits only
# for the progress report). Deterministic: the same data and seed give the
# same bytes. Takes about 30 minutes on 2 cores. Run from the repository
# root:
#
#   scripts/train-models.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ud=${UD:-../shared/data/ud}
train=(--train "$ud/en_ewt-train.conllu" --train "$ud/en_gum-train.conllu")
dev=(--dev "$ud/en_ewt-dev.conllu" --dev "$ud/en_gum-dev.conllu")
bin=$(mktemp -d)/parley
go build -o "$bin" ./cmd/parley

tmp=$(dirname "$bin")

"$bin" train clusters "${train[@]}" --text ../shared/data/unlabeled/te3-silver-news.jsonl --seed 1 --out "$tmp/clusters.bin"
"$bin" train tagger "${train[@]}" "${dev[@]}" --seed 1 --out postag
"$bin" train lemma "${train[@]}" "${dev[@]}" --reference "$ud/en_ewt-train.conllu" --out lemma
"$bin" train parser "${train[@]}" --dev "$ud/en_ewt-dev.conllu" --seed 1 --jackknife 4 --attribution 2 \
	--tagger postag/tagger.model --clusters "$tmp/clusters.bin" --out depparse
# The network learns from the treebanks and from the new perceptron's trees
# of the AFP/Xinhua articles (the binary rebuilt to embed it).
go build -o "$bin" ./cmd/parley
"$bin" annotate --parser-margin 1e9 --input jsonl --stages tokenize,segment,postag,lemma,depparse \
	../shared/data/unlabeled/te3-silver-news.jsonl >"$tmp/silver.conllu"
"$bin" train network "${train[@]}" --dev "$ud/en_ewt-dev.conllu" --silver "$tmp/silver.conllu" --seed 1 \
	--jackknife 4 --attribution 2 --epochs 10 --weight-bits 4 --tagger postag/tagger.model --clusters "$tmp/clusters.bin" --out depparse
"$bin" train ner --train ../shared/data/ner/conllpp-train.txt --dev ../shared/data/ner/conllpp-dev.txt \
	--geo ../shared/data/geo --seed 1 --out ner
