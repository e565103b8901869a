module github.com/parley-events/parley

go 1.26
