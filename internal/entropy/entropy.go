// Package entropy stores byte streams Huffman-coded, block by block: the
// entropy stage of zstd (huff0) without its match finding.
//
// The model files hold streams that matching cannot shorten (feature
// hashes, quantised weights, class numbers): zstd at its best level made
// the parser's perceptron 3% larger than these streams alone do and took
// three times as long to decode them, and loading time is what the
// shipped models are short of (docs/benchmarks.md, session 26).
//
// A stream is its decoded length (uvarint) and then one block for every
// BlockSize bytes of it (the last block shorter): a mode byte, then for
// modeStored the block's bytes as they are, for modeHuffman the coded
// block's length (uvarint) and the block as huff0's Compress4X writes it,
// its own table first. Blocks never share tables, so the same bytes always
// give the same stream.
package entropy

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/klauspost/compress/huff0"
)

// BlockSize is the decoded size of every block but the last.
const BlockSize = 1 << 17

const (
	modeStored  = 0
	modeHuffman = 1
)

// ErrCorrupt is returned for a stream that does not decode.
var ErrCorrupt = errors.New("corrupt entropy-coded stream")

// Append appends src to dst as a stream.
func Append(dst, src []byte) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(src)))
	var sc huff0.Scratch
	for len(src) > 0 {
		blk := src[:min(len(src), BlockSize)]
		src = src[len(blk):]
		sc.Reuse = huff0.ReusePolicyNone
		sc.Out = nil
		out, _, err := huff0.Compress4X(blk, &sc)
		// A block that does not shrink, or is one byte repeated (which
		// huff0 leaves to a run-length code), is stored: a stream never
		// decodes to more than eight times its size, so a corrupt length
		// cannot ask for more memory than that.
		if err != nil || len(out) >= len(blk) {
			dst = append(dst, modeStored)
			dst = append(dst, blk...)
			continue
		}
		dst = append(dst, modeHuffman)
		dst = binary.AppendUvarint(dst, uint64(len(out)))
		dst = append(dst, out...)
	}
	return dst
}

// Size returns the decoded length of the stream at the start of src,
// checked against src's length (no stream decodes to more than eight
// times its coded size).
func Size(src []byte) (int, error) {
	n, k := binary.Uvarint(src)
	if k <= 0 || n > 8*uint64(len(src)) {
		return 0, ErrCorrupt
	}
	return int(n), nil
}

// Skip returns the rest of src after the stream at its start, reading
// only the blocks' headers, so that a reader can find every stream of a
// file, and decode them at once.
func Skip(src []byte) (rest []byte, err error) {
	n, err := Size(src)
	if err != nil {
		return nil, err
	}
	_, k := binary.Uvarint(src)
	return blocks(src[k:], n, nil)
}

// Read decodes the stream at the start of src into dst, whose length must
// be the stream's (Size), and returns the rest of src.
func Read(dst, src []byte) (rest []byte, err error) {
	n, k := binary.Uvarint(src)
	if k <= 0 || n != uint64(len(dst)) {
		return nil, fmt.Errorf("%w: length %d where %d was expected", ErrCorrupt, n, len(dst))
	}
	var sc huff0.Scratch
	return blocks(src[k:], len(dst), func(off int, mode byte, data []byte) error {
		blk := dst[off:min(len(dst), off+BlockSize)]
		if mode == modeStored {
			copy(blk, data)
			return nil
		}
		s, coded, err := huff0.ReadTable(data, &sc)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		s.MaxDecodedSize = len(blk)
		out, err := s.Decoder().Decompress4X(blk[:0:len(blk)], coded)
		if err != nil || len(out) != len(blk) {
			return fmt.Errorf("%w: block at %d: %v", ErrCorrupt, off, err)
		}
		return nil
	})
}

// blocks walks the blocks of a stream of n decoded bytes at the start of
// src (after its length), handing each to each, when not nil, with its
// offset in the decoded bytes, its mode and its bytes as stored (for
// modeHuffman, the coded block); it returns the rest of src.
func blocks(src []byte, n int, each func(off int, mode byte, data []byte) error) ([]byte, error) {
	for off := 0; off < n; off += BlockSize {
		if len(src) == 0 {
			return nil, fmt.Errorf("%w: truncated", ErrCorrupt)
		}
		mode := src[0]
		src = src[1:]
		m, k := uint64(min(n-off, BlockSize)), 0
		switch mode {
		case modeStored:
		case modeHuffman:
			if m, k = binary.Uvarint(src); k <= 0 {
				return nil, fmt.Errorf("%w: bad block length", ErrCorrupt)
			}
		default:
			return nil, fmt.Errorf("%w: bad block mode %d", ErrCorrupt, mode)
		}
		if m > uint64(len(src)-k) {
			return nil, fmt.Errorf("%w: truncated", ErrCorrupt)
		}
		data := src[k : k+int(m)]
		src = src[k+int(m):]
		if each != nil {
			if err := each(off, mode, data); err != nil {
				return nil, err
			}
		}
	}
	return src, nil
}
