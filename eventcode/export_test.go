package eventcode

// Exhaustive returns a copy of c that tries every pattern of a verb and
// every member of a synset, without the indexes that skip those that
// cannot match.
func Exhaustive(c *Coder) *Coder {
	e := *c
	e.exhaustive = true
	return &e
}
