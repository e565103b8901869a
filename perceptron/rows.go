package perceptron

// addRowsGo adds, for each offset o in offs, dense[o:o+len(acc)] to acc,
// word by word.
func addRowsGo(acc, dense []uint64, offs []uint32) {
	for _, o := range offs {
		for i, w := range dense[o:][:len(acc)] {
			acc[i] += w
		}
	}
}
