// Package hugepage asks the kernel for huge pages under large tables
// that are filled once, at load time.
package hugepage

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// Advise asks the kernel to back the whole 2 MiB pages inside s's memory
// with huge pages (transparent huge pages, where the system allows them
// on request), so that filling a fresh table of tens of megabytes takes
// tens of page faults rather than thousands (docs/benchmarks.md, session
// 25: about a fifth of the start-up of "parley code"). Call it before s is
// first written. Failure is harmless: the table is then filled a small
// page at a time.
func Advise[T any](s []T) {
	if len(s) == 0 {
		return
	}
	base := unsafe.Pointer(&s[0])
	p, n := uintptr(base), uintptr(len(s))*unsafe.Sizeof(s[0])
	const huge = 1 << 21
	start, end := (p+huge-1)&^(huge-1), (p+n)&^(huge-1)
	if end > start {
		_ = unix.Madvise(unsafe.Slice((*byte)(unsafe.Add(base, start-p)), end-start), unix.MADV_HUGEPAGE)
	}
}
