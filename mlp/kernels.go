package mlp

import "math"

// sumRowsGo adds table[o:o+len(acc)] to acc for each o in offs.
func sumRowsGo(acc []int16, table []int8, offs []uint32) {
	for _, o := range offs {
		row := table[o : int(o)+len(acc)]
		for i, v := range row {
			acc[i] += int16(v)
		}
	}
}

// sumRows4Go adds to acc the rows of 4-bit weights at byte offsets offs
// of table (each row len(acc)/2 bytes, laid out as nibble says).
func sumRows4Go(acc []int16, table []byte, offs []uint32) {
	for _, o := range offs {
		row := table[o : int(o)+len(acc)/2]
		for i := range acc {
			b, sh := nibble(i)
			acc[i] += int16(row[b]>>sh&15) - 8
		}
	}
}

// axpyGo adds a[k]*w[offs[k]:offs[k]+len(dst)] to dst for each k.
func axpyGo(dst, w, a []float32, offs []uint32) {
	n := len(dst)
	for k, ak := range a {
		row := w[offs[k] : int(offs[k])+n]
		for i, v := range row {
			dst[i] += ak * v
		}
	}
}

// hiddenGo adds float32(acc[i])*scale[i] to hid[i].
func hiddenGo(hid []float32, acc []int16, scale []float32) {
	for i := range hid {
		hid[i] += float32(acc[i]) * scale[i]
	}
}

// fireGo lists the units with hid[i] > 0: their values in fire and
// i*stride in rows; it returns how many. The list is built without a
// branch on the values (half the units fire, at random: a branch would
// be mispredicted half the time).
func fireGo(hid, fire []float32, rows []uint32, stride int) int {
	n := 0
	fire, rows = fire[:len(hid)], rows[:len(hid)]
	for i, v := range hid {
		fire[n], rows[n] = v, uint32(i*stride)
		n += b2i(v > 0)
	}
	return n
}

// top2Go returns the largest of s and the next largest (the largest again
// when it occurs twice), each -Inf when s has too few values; s holds no
// NaN.
func top2Go(s []float32) (first, second float32) {
	return top2More(float32(math.Inf(-1)), float32(math.Inf(-1)), s)
}

// top2More is top2Go of s and the values first and second (first >=
// second) already found.
func top2More(first, second float32, s []float32) (float32, float32) {
	for _, v := range s {
		if v > first {
			first, second = v, first
		} else if v > second {
			second = v
		}
	}
	return first, second
}
