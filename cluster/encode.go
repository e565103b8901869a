package cluster

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"slices"

	"github.com/parley-events/parley"
)

const magic = "parley-clusters-1\n"

// Marshal returns m in a compact, deterministic serialised form (words in
// sorted order, DEFLATE-compressed).
func Marshal(m map[string]Cluster) []byte {
	words := make([]string, 0, len(m))
	for w := range m {
		words = append(words, w)
	}
	slices.Sort(words)
	var raw bytes.Buffer
	raw.WriteString(magic)
	raw.Write(binary.AppendUvarint(nil, uint64(len(words))))
	for _, w := range words {
		raw.Write(binary.AppendUvarint(nil, uint64(len(w))))
		raw.WriteString(w)
		raw.Write(binary.AppendUvarint(nil, uint64(m[w].Fine)))
		raw.Write(binary.AppendUvarint(nil, uint64(m[w].Coarse)))
	}
	var out bytes.Buffer
	zw, _ := flate.NewWriter(&out, flate.BestCompression)
	zw.Write(raw.Bytes())
	zw.Close()
	return out.Bytes()
}

// Unmarshal reads clusters written by Marshal.
func Unmarshal(r io.Reader) (map[string]Cluster, error) {
	br := bufio.NewReader(flate.NewReader(r))
	fail := func(err error) (map[string]Cluster, error) {
		return nil, parley.E("cluster.Unmarshal", parley.Invalid, err)
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return fail(errors.New("not a parley cluster file"))
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<24 {
		return fail(errors.New("bad word count"))
	}
	m := make(map[string]Cluster, min(n, 1<<16))
	for range n {
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<10 {
			return fail(errors.New("bad word"))
		}
		w := make([]byte, l)
		if _, err := io.ReadFull(br, w); err != nil {
			return fail(err)
		}
		f, err1 := binary.ReadUvarint(br)
		c, err2 := binary.ReadUvarint(br)
		if err1 != nil || err2 != nil || f > 1<<16 || c > 1<<16 {
			return fail(errors.New("bad cluster"))
		}
		m[string(w)] = Cluster{Fine: uint16(f), Coarse: uint16(c)}
	}
	return m, nil
}
