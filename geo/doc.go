// Package geo is the `geo` stage: it resolves the place names of a
// document to the entries of a gazetteer built from GeoNames.
package geo

//go:generate go run ../cmd/gazetteer -from ../../shared/data/geo -out gazetteer.bin
