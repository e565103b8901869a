package mlp

import "golang.org/x/sys/cpu"

// sumRowsAVX2 is sumRowsGo in AVX2 (kernels_amd64.s).
//
//go:noescape
func sumRowsAVX2(acc []int16, table []int8, offs []uint32)

// sumRows4AVX2 is sumRows4Go in AVX2.
//
//go:noescape
func sumRows4AVX2(acc []int16, table []byte, offs []uint32)

// axpyAVX2 is axpyGo in AVX2 and FMA.
//
//go:noescape
func axpyAVX2(dst, w, a []float32, offs []uint32)

// hiddenAVX2 is hiddenGo in AVX2 and FMA.
//
//go:noescape
func hiddenAVX2(hid []float32, acc []int16, scale []float32)

// fireAVX2 is fireGo in AVX2.
//
//go:noescape
func fireAVX2(hid, fire []float32, rows []uint32, stride int) int

// top2AVX2 is top2Go in AVX2 for len(s) a multiple of 8.
//
//go:noescape
func top2AVX2(s []float32) (first, second float32)

var haveAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA && cpu.X86.HasPOPCNT

// leftPack[m] lists the set bits of m, lowest first, then zeros: the
// permutation fireAVX2 packs a group's firing units with. laneIndex is
// 0…7.
var (
	leftPack  [256][8]uint8
	laneIndex = [8]uint32{0, 1, 2, 3, 4, 5, 6, 7}
)

func init() {
	for m := range leftPack {
		k := 0
		for b := range 8 {
			if m&(1<<b) != 0 {
				leftPack[m][k] = uint8(b)
				k++
			}
		}
	}
}

// The assembly does not check bounds; Model's sizes guarantee them (the
// hidden width a multiple of 64, the output stride of 8, every offset a
// whole row inside its table), and the wrappers fall back to Go for any
// other shape.

func sumRows(acc []int16, table []int8, offs []uint32) {
	if !haveAVX2 || len(acc)%64 != 0 {
		sumRowsGo(acc, table, offs)
		return
	}
	sumRowsAVX2(acc, table, offs)
}

func sumRows4(acc []int16, table []byte, offs []uint32) {
	if !haveAVX2 || len(acc)%64 != 0 {
		sumRows4Go(acc, table, offs)
		return
	}
	sumRows4AVX2(acc, table, offs)
}

func axpy(dst, w, a []float32, offs []uint32) {
	if !haveAVX2 || len(dst)%8 != 0 {
		axpyGo(dst, w, a, offs)
		return
	}
	axpyAVX2(dst, w, a, offs)
}

func hidden(hid []float32, acc []int16, scale []float32) {
	if !haveAVX2 || len(hid)%8 != 0 {
		hiddenGo(hid, acc, scale)
		return
	}
	hiddenAVX2(hid, acc, scale)
}

func fire(hid, fire []float32, rows []uint32, stride int) int {
	if !haveAVX2 || len(hid)%8 != 0 || len(fire) < len(hid) || len(rows) < len(hid) {
		return fireGo(hid, fire, rows, stride)
	}
	return fireAVX2(hid, fire, rows, stride)
}

func top2(s []float32) (first, second float32) {
	n := len(s) &^ 7
	if !haveAVX2 || n == 0 {
		return top2Go(s)
	}
	first, second = top2AVX2(s[:n])
	return top2More(first, second, s[n:])
}
