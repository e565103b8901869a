//go:build !amd64

package perceptron

// addRows adds the dense rows at offs to acc (see addRowsGo).
func addRows(acc, dense []uint64, offs []uint32) { addRowsGo(acc, dense, offs) }
