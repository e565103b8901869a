package golden

import (
	"fmt"
	"strings"
)

// maxDiffCells bounds the work of the line diff: when the lines that differ
// between the common prefix and suffix would need a larger table, they are
// shown as one block removed and one added.
const maxDiffCells = 4 << 20

// context is the number of unchanged lines shown around each change.
const context = 3

// Diff returns a line diff of want and got in unified form: hunks headed
// "@@ -l,n +l,n @@", lines prefixed by "-" (only in want), "+" (only in
// got) or " " (in both), with a few lines of context. A line whose
// difference is invisible (trailing white space, a carriage return) is
// shown quoted. It returns "" when want and got are equal.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	a, b := splitLines(want), splitLines(got)
	ops := diffLines(a, b)

	var sb strings.Builder
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk runs from context lines before this change to context
		// lines after the last change that is at most 2*context lines
		// further on.
		start := max(0, i-context)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j + 1
			} else if j-end >= 2*context {
				break
			}
		}
		end = min(len(ops), end+context)
		wantN, gotN := 0, 0
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				wantN++
			}
			if op.kind != '-' {
				gotN++
			}
		}
		fmt.Fprintf(&sb, "@@ -%d,%d +%d,%d @@\n", ops[start].a+1, wantN, ops[start].b+1, gotN)
		for _, op := range ops[start:end] {
			line := op.line
			if strings.TrimRight(line, " \t\r") != line || strings.ContainsAny(line, "\r\x00") {
				line = fmt.Sprintf("%q", line)
			}
			sb.WriteByte(op.kind)
			sb.WriteString(line)
			sb.WriteByte('\n')
		}
		i = end
	}
	if want != "" && got != "" && strings.HasSuffix(want, "\n") != strings.HasSuffix(got, "\n") {
		sb.WriteString("(the final newline differs)\n")
	}
	return sb.String()
}

// splitLines splits s into lines without their newlines; a final newline
// does not start another line.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// diffOp is one line of a diff: kind ' ', '-' or '+', the line, and its
// 0-based positions in a and b (for '+' the position in a is where it would
// go, and likewise for '-').
type diffOp struct {
	kind byte
	line string
	a, b int
}

// diffLines returns a shortest edit script from a to b, computed by longest
// common subsequence on the lines between their common prefix and suffix.
func diffLines(a, b []string) []diffOp {
	var ops []diffOp
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		ops = append(ops, diffOp{' ', a[pre], pre, pre})
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(ma), len(mb)
	if (n+1)*(m+1) > maxDiffCells {
		for i, l := range ma {
			ops = append(ops, diffOp{'-', l, pre + i, pre})
		}
		for j, l := range mb {
			ops = append(ops, diffOp{'+', l, pre + n, pre + j})
		}
	} else {
		// lcs[i][j] is the LCS length of ma[i:] and mb[j:].
		lcs := make([][]int32, n+1)
		for i := range lcs {
			lcs[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && ma[i] == mb[j]:
				ops = append(ops, diffOp{' ', ma[i], pre + i, pre + j})
				i++
				j++
			case j < m && (i == n || lcs[i][j+1] > lcs[i+1][j]):
				ops = append(ops, diffOp{'+', mb[j], pre + i, pre + j})
				j++
			default:
				ops = append(ops, diffOp{'-', ma[i], pre + i, pre + j})
				i++
			}
		}
	}
	for k := 0; k < suf; k++ {
		ia, ib := len(a)-suf+k, len(b)-suf+k
		ops = append(ops, diffOp{' ', a[ia], ia, ib})
	}
	return ops
}
