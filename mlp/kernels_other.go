//go:build !amd64

package mlp

func sumRows(acc []int16, table []int8, offs []uint32) { sumRowsGo(acc, table, offs) }

func sumRows4(acc []int16, table []byte, offs []uint32) { sumRows4Go(acc, table, offs) }

func axpy(dst, w, a []float32, offs []uint32) { axpyGo(dst, w, a, offs) }

func hidden(hid []float32, acc []int16, scale []float32) { hiddenGo(hid, acc, scale) }

func fire(hid, fire []float32, rows []uint32, stride int) int { return fireGo(hid, fire, rows, stride) }

func top2(s []float32) (first, second float32) { return top2Go(s) }
