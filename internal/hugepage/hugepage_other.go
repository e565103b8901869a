//go:build !linux

package hugepage

// Advise does nothing where the kernel takes no such advice (see
// hugepage_linux.go).
func Advise[T any](s []T) {}
