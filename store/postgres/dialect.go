package postgres

import (
	"strings"

	"github.com/parley-events/parley/store/internal/sqlstore"
)

// dialect is PostgreSQL's SQL where it differs from SQLite's: "$N"
// placeholders, LIKE for literal prefixes, byte slices of text through
// bytea, a tsvector for the evidence (simple configuration, accents
// removed), a serial column for creation order, and an advisory lock per
// fuse key for concurrent writers.
var dialect = &sqlstore.Dialect{
	Name:   "postgres",
	Rebind: sqlstore.Rebind,
	// parley's migrations, under one advisory lock number
	MigrationLock: `SELECT pg_advisory_xact_lock(7274327265)`,
	Prefix:        "LIKE",
	PrefixArg:     likePrefix,
	SentenceText:  sentenceText,
	IndexEvidence: `INSERT INTO evidence (event_id, fused_id, tsv)
		SELECT e.id, e.fused_id, to_tsvector('simple', unaccent(coalesce(` + sentenceText + `, '')))
		FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id = ?
		ON CONFLICT (event_id) DO UPDATE SET fused_id = excluded.fused_id, tsv = excluded.tsv`,
	DeleteEvidence: `DELETE FROM evidence WHERE event_id IN (SELECT id FROM events WHERE doc_id = ?)`,
	TextMatch: func(words string) (string, []any) {
		if cond, args := tsQuery(words); cond != "" {
			return "id IN (SELECT fused_id FROM evidence WHERE tsv @@ " + cond + ")", args
		}
		return "", nil
	},
	CreationOrder: "seq",
	CreateFused: `INSERT INTO fused
		(id, source, target, base, class, date, doc_id, code, root, quad_class, goldstein, plover, mode,
		 place_name, place_country, place_admin1, place_feature, place_geonameid, place_lat, place_lon, source_head, target_head, precision)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, substr($8::text, 1, 2), $9, $10, $11, $12,
		 $13, $14, $15, $16, $17, $18, $19, substr($2::text, 1, 3), substr($3::text, 1, 3), $20)
		ON CONFLICT (id) DO NOTHING`,
	LockKey: `SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`,
	Kind:    kindOf,
}

// sentenceText is the sentence of event e in document d, by its byte
// offsets.
const sentenceText = `convert_from(substring(convert_to(d.text, 'UTF8') FROM e.sentence_byte_start + 1 FOR e.sentence_byte_end - e.sentence_byte_start), 'UTF8')`

// likePrefix returns a LIKE pattern (escape character backslash, the
// default) matching strings that start with p.
func likePrefix(p string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(p) + "%"
}

// tsQuery turns the words of a FusedFilter.Text into a tsquery
// expression and its arguments, every word required: each "quoted
// phrase" a phrase, each word ending in * a prefix, accents and case
// ignored. The words only ever reach the server as arguments of
// plainto_tsquery, phraseto_tsquery or a quoted lexeme, so they cannot
// make a malformed query. It returns "" when there are no words.
func tsQuery(text string) (string, []any) {
	var parts []string
	var args []any
	for _, w := range sqlstore.Words(text) {
		switch {
		case w.Phrase:
			parts = append(parts, "phraseto_tsquery('simple', unaccent(?))")
		case w.Prefix:
			parts = append(parts, "to_tsquery('simple', quote_literal(lower(unaccent(?))) || ':*')")
		default:
			parts = append(parts, "plainto_tsquery('simple', unaccent(?))")
		}
		args = append(args, w.Text)
	}
	if len(parts) == 0 {
		return "", nil
	}
	return "(" + strings.Join(parts, " && ") + ")", args
}
