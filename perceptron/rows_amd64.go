package perceptron

import "golang.org/x/sys/cpu"

// addRowsAVX2 is addRowsGo in AVX2 (rows_amd64.s).
//
//go:noescape
func addRowsAVX2(acc, dense []uint64, offs []uint32)

// addRows adds the dense rows at offs to acc (see addRowsGo), with AVX2
// where the processor has it: four words to an instruction, the sums held
// in registers across the rows. The assembly does not check bounds: every
// o+len(acc) must be at most len(dense), as it is for a Model's rows
// (addq records a row's offset as len(Model.dense) and then appends the
// whole row, (classes+1)/2 words, the length of Score's sums).
func addRows(acc, dense []uint64, offs []uint32) {
	if !cpu.X86.HasAVX2 || len(acc) == 0 {
		addRowsGo(acc, dense, offs)
		return
	}
	addRowsAVX2(acc, dense, offs)
}
