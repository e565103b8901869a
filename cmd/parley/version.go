package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

var cmdVersion = &command{
	name:     "version",
	summary:  "print parley's version",
	synopsis: "parley version",
	help: `
Prints the module version (or the source revision for a development
build), the Go version and the platform.`,
	flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) int {
		return func(ctx context.Context, env Env, args []string) int {
			fmt.Fprintf(env.Stdout, "parley %s (%s, %s/%s)\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return exitOK
		}
	},
}

// version returns the module version, or the VCS revision and time for a
// development build.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := bi.Main.Version
	if v != "" && v != "(devel)" {
		return v
	}
	var rev, at, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return fmt.Sprintf("devel %s%s %s", rev, dirty, at)
}
