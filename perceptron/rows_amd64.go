package perceptron

import "golang.org/x/sys/cpu"

// addRowsAVX2 is addRowsGo in AVX2 (rows_amd64.s).
//
//go:noescape
func addRowsAVX2(acc, dense []uint64, offs []uint32)

// addRows adds the dense rows at offs to acc (see addRowsGo), with AVX2
// where the processor has it: four words to an instruction, the sums held
// in registers across the rows.
func addRows(acc, dense []uint64, offs []uint32) {
	if !cpu.X86.HasAVX2 || len(acc) == 0 {
		addRowsGo(acc, dense, offs)
		return
	}
	for _, o := range offs {
		_ = dense[int(o)+len(acc)-1] // the assembly does not check bounds
	}
	addRowsAVX2(acc, dense, offs)
}
