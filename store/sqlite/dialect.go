package sqlite

import (
	"strings"

	"github.com/parley-events/parley/store/internal/sqlstore"
)

// dialect is SQLite's SQL where it differs from PostgreSQL's: GLOB for
// literal, case-sensitive prefixes, byte slices of text through BLOB, FTS5
// for the evidence (an evidence row's rowid is its event's), and the rowid
// for creation order. Writes are serialised by the single writer, so
// fusing needs no lock.
var dialect = &sqlstore.Dialect{
	Name:         "sqlite",
	Prefix:       "GLOB",
	PrefixArg:    globPrefix,
	SentenceText: `CAST(substr(CAST(d.text AS BLOB), e.sentence_byte_start + 1, e.sentence_byte_end - e.sentence_byte_start) AS TEXT)`,
	IndexEvidence: `INSERT OR REPLACE INTO evidence (rowid, fused_id, text)
		SELECT e.rowid, e.fused_id,
			CAST(substr(CAST(d.text AS BLOB), e.sentence_byte_start + 1, e.sentence_byte_end - e.sentence_byte_start) AS TEXT)
		FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id = ?`,
	DeleteEvidence: `DELETE FROM evidence WHERE rowid IN (SELECT rowid FROM events WHERE doc_id = ?)`,
	TextMatch: func(words string) (string, []any) {
		if q := ftsQuery(words); q != "" {
			return "id IN (SELECT fused_id FROM evidence WHERE evidence MATCH ?)", []any{q}
		}
		return "", nil
	},
	CreationOrder: "rowid",
	CreateFused: `INSERT INTO fused
		(id, source, target, base, class, date, doc_id, code, root, quad_class, goldstein, plover, mode,
		 place_name, place_country, place_admin1, place_feature, place_geonameid, place_lat, place_lon, source_head, target_head, precision)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, substr(?8, 1, 2), ?9, ?10, ?11, ?12,
		 ?13, ?14, ?15, ?16, ?17, ?18, ?19, substr(?2, 1, 3), substr(?3, 1, 3), ?20)
		ON CONFLICT (id) DO NOTHING`,
	Kind: kindOf,
}

// globPrefix returns a case-sensitive GLOB pattern matching strings that
// start with p.
func globPrefix(p string) string {
	return globEscaper.Replace(p) + "*"
}

var globEscaper = strings.NewReplacer("[", "[[]", "*", "[*]", "?", "[?]")

// ftsQuery turns the words of a FusedFilter.Text into a full-text query
// that cannot be malformed: each word, or each "quoted phrase", quoted as
// a string, all of them required; a trailing * on a word keeps its
// meaning, a prefix. It returns "" when there are no words.
func ftsQuery(text string) string {
	var terms []string
	for _, w := range sqlstore.Words(text) {
		q := `"` + strings.ReplaceAll(w.Text, `"`, `""`) + `"`
		if w.Prefix {
			q += "*"
		}
		terms = append(terms, q)
	}
	return strings.Join(terms, " ")
}
