package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// writeStmts are the statements the writer prepares once, at Open, for
// storing events and fusing them.
type writeStmts struct {
	insertEvent, insertMention               *sql.Stmt
	findFused, createFused, placeFused       *sql.Stmt
	refreshFused, deleteFused, indexEvidence *sql.Stmt
	getFused, setListing, lockKey            *sql.Stmt // lockKey nil when the dialect has none
	texts                                    map[*sql.Stmt]string
}

func prepareWrites(ctx context.Context, db *dbw, d *Dialect) (*writeStmts, error) {
	w := writeStmts{texts: map[*sql.Stmt]string{}}
	for _, p := range []struct {
		st  **sql.Stmt
		sql string
	}{
		{&w.insertEvent, `INSERT INTO events
			(id, doc_id, sentence, trigger_start, trigger_end, source, target, source_ref, target_ref,
			 code, root, quad_class, goldstein, plover, mode, date, precision, place, pattern,
			 sentence_byte_start, sentence_byte_end, trigger_byte_start, trigger_byte_end,
			 plover_mode, plover_context, reported_by, reported_by_ref, confidence, fused_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.insertMention, `INSERT INTO mentions (event_id, doc_id, sentence, byte_start, byte_end) VALUES (?, ?, ?, ?, ?)`},
		// Candidates of one key in a date range, oldest first.
		{&w.findFused, `SELECT id, date, doc_id, ` + placeColumns + ` FROM fused
			WHERE source = ? AND target = ? AND base = ? AND class = ? AND date BETWEEN ? AND ?
			ORDER BY ` + d.CreationOrder},
		{&w.createFused, d.CreateFused},
		{&w.placeFused, `UPDATE fused SET (` + placeColumns + `) = (?, ?, ?, ?, ?, ?, ?) WHERE id = ?`},
		{&w.refreshFused, `UPDATE fused SET (num_mentions, num_articles, num_sources, first_seen, last_seen) = (
			SELECT count(*), count(DISTINCT e.doc_id),
				count(DISTINCT CASE WHEN d.source = '' THEN '#' || d.id ELSE lower(d.source) END),
				coalesce(min(coalesce(d.published, d.ingested)), 0), coalesce(max(coalesce(d.published, d.ingested)), 0)
			FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.fused_id = fused.id)
			WHERE id = ?`},
		{&w.deleteFused, `DELETE FROM fused WHERE id = ? AND num_mentions = 0`},
		{&w.getFused, `SELECT ` + fusedColumns + ` FROM fused WHERE id = ?`},
		{&w.setListing, `UPDATE fused SET listing = ? WHERE id = ?`},
		{&w.lockKey, d.LockKey},
		// The sentence of a stored event, for full-text search.
		{&w.indexEvidence, d.IndexEvidence},
	} {
		if p.sql == "" { // a statement the dialect does without
			continue
		}
		st, err := db.PrepareContext(ctx, p.sql)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.st = st
		w.texts[st] = db.rebind(p.sql)
	}
	return &w, nil
}

func (w *writeStmts) close() error {
	if w == nil {
		return nil
	}
	var errs []error
	for _, st := range []*sql.Stmt{w.insertEvent, w.insertMention, w.findFused, w.createFused, w.placeFused, w.refreshFused,
		w.deleteFused, w.indexEvidence, w.getFused, w.setListing, w.lockKey} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return errors.Join(errs...)
}

// fuser fuses the events of one document, inside the transaction that
// stores them, with the fused events already stored (parley.FuseRule).
type fuser struct {
	rule                parley.FuseRule
	docID               string
	find, create, place stmt
	lock                stmt     // nil: no locking
	touched             []string // fused events to recount, in the order first touched
	seen                map[string]bool
}

func (s *Store) newFuser(ctx context.Context, tx *txw, docID string) *fuser {
	return &fuser{rule: s.fuse.Normalized(), docID: docID,
		find:   tx.StmtContext(ctx, s.stmts.findFused),
		create: tx.StmtContext(ctx, s.stmts.createFused),
		place:  tx.StmtContext(ctx, s.stmts.placeFused),
		lock:   tx.StmtContext(ctx, s.stmts.lockKey),
		seen:   map[string]bool{}}
}

// add returns the fused event that the event id (e, with its place or nil)
// reports, creating one when none fits.
func (f *fuser) add(ctx context.Context, id string, e parley.Event, place *parley.Place) (string, error) {
	key := parley.FuseKeyOf(e)
	lo, hi := int64(0), int64(0) // undated: only undated candidates
	if !e.Date.IsZero() {
		w := int64(f.rule.Window / time.Second)
		lo, hi = max(1, e.Date.Unix()-w), e.Date.Unix()+w
	}
	rows, err := f.find.QueryContext(ctx, key.Source, key.Target, key.Base, key.Class, lo, hi)
	if err != nil {
		return "", err
	}
	best, bestGap, bestPlaced := "", int64(-1), false
	for rows.Next() {
		var (
			cid, cdoc string
			cdate     int64
			cplace    parley.Place
			placed    bool
		)
		if err := rows.Scan(append([]any{&cid, &cdate, &cdoc}, placeDest(&cplace, &placed)...)...); err != nil {
			rows.Close()
			return "", err
		}
		a := parley.FuseAnchor{DocID: cdoc}
		if cdate != 0 {
			a.Date = time.Unix(cdate, 0).UTC()
		}
		if placed {
			a.Place = &cplace
		}
		if !f.rule.Fits(a, e.Date, f.docID, place) {
			continue
		}
		gap := int64(0)
		if cdate != 0 {
			gap = max(cdate-e.Date.Unix(), e.Date.Unix()-cdate)
		}
		if best == "" || gap < bestGap { // rows come in creation order: the first wins a tie
			best, bestGap, bestPlaced = cid, gap, placed
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return "", err
	}
	if best == "" {
		if best, err = f.newFused(ctx, id, e, key, place); err != nil {
			return "", err
		}
	} else if !bestPlaced && place != nil {
		// The first report said nowhere; this one does.
		if _, err := f.place.ExecContext(ctx, append(placeArgs(place), best)...); err != nil {
			return "", err
		}
	}
	if !f.seen[best] {
		f.seen[best] = true
		f.touched = append(f.touched, best)
	}
	return best, nil
}

// newFused stores a new fused event whose first report is the event id and
// returns its ID: id itself, or id with a suffix "-2", "-3", … when a fused
// event already has that ID (the document's events were replaced while
// another document's events still report the old one).
// lockKeys takes the dialect's lock on the fuse key of each of events,
// in one order for every writer (so that two writers never wait for each
// other in a cycle), before any of them is fused.
func (f *fuser) lockKeys(ctx context.Context, events []parley.Event) error {
	if f.lock == nil {
		return nil
	}
	var keys []string
	for _, e := range events {
		k := parley.FuseKeyOf(e)
		keys = append(keys, k.Source+"|"+k.Target+"|"+k.Base+"|"+k.Class)
	}
	slices.Sort(keys)
	for _, k := range slices.Compact(keys) {
		if _, err := f.lock.ExecContext(ctx, k); err != nil {
			return err
		}
	}
	return nil
}

func (f *fuser) newFused(ctx context.Context, id string, e parley.Event, key parley.FuseKey, place *parley.Place) (string, error) {
	date := int64(0)
	if !e.Date.IsZero() {
		date = e.Date.Unix()
	}
	fid := id
	for n := 2; ; n++ {
		args := append([]any{fid, key.Source, key.Target, key.Base, key.Class, date, f.docID,
			e.Code, e.QuadClass, e.Goldstein, e.Plover, string(e.Mode)}, placeArgs(place)...)
		args = append(args, e.Precision)
		res, err := f.create.ExecContext(ctx, args...)
		if err != nil {
			return "", err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return fid, err
		}
		fid = fmt.Sprintf("%s-%d", id, n)
	}
}

// placeColumns are the columns of a fused event's place, in the order of
// placeArgs and placeDest.
const placeColumns = `place_name, place_country, place_admin1, place_feature, place_geonameid, place_lat, place_lon`

// placeArgs returns the values of placeColumns for p (nil: no place).
func placeArgs(p *parley.Place) []any {
	if p == nil {
		return []any{nil, "", "", "", 0, 0.0, 0.0}
	}
	return []any{p.Name, p.Country, p.Admin1, p.Feature, p.GeoNameID, p.Lat, p.Lon}
}

// placeScan reads placeColumns into a Place.
type placeScan struct {
	p      *parley.Place
	placed *bool
	name   sql.NullString
}

// placeDest returns the scan destinations of placeColumns, which set *p
// and *placed (whether there is a place) once scanned: call done.
func placeDest(p *parley.Place, placed *bool) []any {
	ps := &placeScan{p: p, placed: placed}
	return []any{ps, &p.Country, &p.Admin1, &p.Feature, &p.GeoNameID, &p.Lat, &p.Lon}
}

// Scan implements sql.Scanner for the place's name, which says whether
// there is a place.
func (ps *placeScan) Scan(v any) error {
	if err := ps.name.Scan(v); err != nil {
		return err
	}
	ps.p.Name, *ps.placed = ps.name.String, ps.name.Valid
	return nil
}

// fuseStored fuses the events that belong to no fused event (those stored
// before the store fused events), document by document in the order the
// documents were stored, in one transaction.
func (s *Store) fuseStored(ctx context.Context) error {
	var n int
	if err := s.writer.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE fused_id = ''`).Scan(&n); err != nil || n == 0 {
		return err
	}
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id FROM documents
		WHERE id IN (SELECT doc_id FROM events WHERE fused_id = '') ORDER BY ingested, id`)
	if err != nil {
		return err
	}
	var docs []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		docs = append(docs, id)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	set, err := tx.PrepareContext(ctx, `UPDATE events SET fused_id = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer set.Close()
	index := tx.StmtContext(ctx, s.stmts.indexEvidence)
	for _, docID := range docs {
		var ann string
		if err := tx.QueryRowContext(ctx, `SELECT annotations FROM documents WHERE id = ?`, docID).Scan(&ann); err != nil {
			return err
		}
		var a struct {
			Places []parley.Place `json:"places"`
		}
		if err := json.Unmarshal([]byte(ann), &a); err != nil {
			return fmt.Errorf("document %q: annotations: %w", docID, err)
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+eventColumns+` FROM events WHERE doc_id = ? AND fused_id = '' ORDER BY id`, docID)
		if err != nil {
			return err
		}
		events, err := scanEvents(rows)
		if err != nil {
			return err
		}
		f := s.newFuser(ctx, tx, docID)
		if err := f.lockKeys(ctx, events); err != nil {
			return err
		}
		for _, e := range events {
			var place *parley.Place
			if e.Place >= 0 && e.Place < len(a.Places) {
				place = &a.Places[e.Place]
			}
			fid, err := f.add(ctx, e.ID, e, place)
			if err != nil {
				return fmt.Errorf("fusing event %s: %w", e.ID, err)
			}
			if _, err := set.ExecContext(ctx, fid, e.ID); err != nil {
				return err
			}
			if _, err := index.ExecContext(ctx, e.ID); err != nil {
				return err
			}
		}
		if err := s.refreshFused(ctx, tx, f.touched); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// fusedOf returns the fused events of the events of document docID.
func fusedOf(ctx context.Context, tx *txw, docID string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT fused_id FROM events WHERE doc_id = ? AND fused_id != '' ORDER BY fused_id`, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// refreshFused recounts the mentions, articles and outlets of the fused
// events ids and their first and last sightings, and deletes those that no
// event reports any more.
func (s *Store) refreshFused(ctx context.Context, tx *txw, ids []string) error {
	upd := tx.StmtContext(ctx, s.stmts.refreshFused)
	del := tx.StmtContext(ctx, s.stmts.deleteFused)
	get := tx.StmtContext(ctx, s.stmts.getFused)
	set := tx.StmtContext(ctx, s.stmts.setListing)
	var b []byte
	for _, id := range ids {
		if _, err := upd.ExecContext(ctx, id); err != nil {
			return err
		}
		res, err := del.ExecContext(ctx, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			continue // gone: nothing reports it any more
		}
		// The listing's JSON, from the row as it now stands.
		e, err := scanFused(get.QueryRowContext(ctx, id))
		if err != nil {
			return err
		}
		b = e.AppendJSON(b[:0])
		if _, err := set.ExecContext(ctx, string(b), id); err != nil {
			return err
		}
	}
	return nil
}

// fusedColumns are the columns scanFused reads, in order.
const fusedColumns = `id, source, target, code, root, quad_class, goldstein, plover, mode, date, precision,
	num_mentions, num_articles, num_sources, first_seen, last_seen, ` + placeColumns

// scanFused reads one row of fusedColumns.
func scanFused(sc interface{ Scan(...any) error }) (parley.FusedEvent, error) {
	var (
		e                 parley.FusedEvent
		mode              string
		date, first, last int64
		place             parley.Place
		placed            bool
	)
	if err := sc.Scan(append([]any{&e.ID, &e.Source, &e.Target, &e.Code, &e.Root, &e.QuadClass, &e.Goldstein, &e.Plover, &mode,
		&date, &e.Precision, &e.NumMentions, &e.NumArticles, &e.NumSources, &first, &last}, placeDest(&place, &placed)...)...); err != nil {
		return e, err
	}
	e.Mode = parley.Modality(mode)
	if date != 0 {
		e.Date = time.Unix(date, 0).UTC()
	}
	e.FirstSeen, e.LastSeen = time.Unix(first, 0).UTC(), time.Unix(last, 0).UTC()
	if placed {
		e.Place = &place
	}
	return e, nil
}

// Fused lists fused events, newest first. An actor filter (source or
// target) is two listings, one per side, each read in order from its
// index, merged.
func (s *Store) Fused(ctx context.Context, f parley.FusedFilter) ([]parley.FusedEvent, error) {
	var out []parley.FusedEvent
	err := s.listFused(ctx, s.d.Name+".Fused", f, fusedColumns, func(rows *sql.Rows) error {
		e, err := scanFused(rows)
		out = append(out, e)
		return err
	})
	return out, err
}

// FusedItems lists fused events as Fused does, each as the JSON kept
// with it and its cursor.
func (s *Store) FusedItems(ctx context.Context, f parley.FusedFilter) ([]parley.FusedItem, error) {
	var out []parley.FusedItem
	err := s.listFused(ctx, s.d.Name+".FusedItems", f, "date, id, listing", func(rows *sql.Rows) error {
		var (
			date int64
			id   string
			it   parley.FusedItem
		)
		if err := rows.Scan(&date, &id, &it.JSON); err != nil {
			return err
		}
		it.Cursor = strconv.FormatInt(date, 10) + "/" + id
		out = append(out, it)
		return nil
	})
	return out, err
}

// listFused runs the listing query for f, reading cols of each row with
// scan.
func (s *Store) listFused(ctx context.Context, op string, f parley.FusedFilter, cols string, scan func(*sql.Rows) error) error {
	n, err := limit(op, f.Limit)
	if err != nil {
		return err
	}
	var after *cursor
	if f.After != "" {
		date, id, err := parley.ParseCursor(f.After)
		if err != nil {
			return err
		}
		after = &cursor{date, id}
	}
	var w *where
	var query string
	if f.Actor == "" {
		w = s.fusedWhere(f, after)
		query = `SELECT ` + cols + ` FROM fused` + w.String() + ` ORDER BY date DESC, id LIMIT ?`
		w.args = append(w.args, n)
	} else {
		// Each side's page read from its index alone (date and ID), the
		// two merged, and only the rows of the page read in full; in one
		// statement.
		bySource, byTarget := f, f
		bySource.Actor, byTarget.Actor = "", ""
		bySource.Source = narrower(f.Source, f.Actor)
		byTarget.Target = narrower(f.Target, f.Actor)
		w = new(where)
		var sides []string
		for _, g := range []parley.FusedFilter{bySource, byTarget} {
			if g.Source == "\x00" || g.Target == "\x00" { // the filters exclude each other
				continue
			}
			gw := s.fusedWhere(g, after)
			sides = append(sides, `SELECT * FROM (SELECT date, id FROM fused`+gw.String()+` ORDER BY date DESC, id LIMIT ?) AS side`+strconv.Itoa(len(sides)))
			w.args = append(append(w.args, gw.args...), n)
		}
		if len(sides) == 0 {
			return nil
		}
		query = `SELECT ` + cols + ` FROM fused WHERE id IN (SELECT id FROM (` + strings.Join(sides, " UNION ") +
			`) AS sides ORDER BY date DESC, id LIMIT ?) ORDER BY date DESC, id`
		w.args = append(w.args, n)
	}
	rows, err := s.readQuery(ctx, query, w.args...)
	if err != nil {
		return s.fail(op, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return s.fail(op, err)
		}
	}
	if err := rows.Err(); err != nil {
		return s.fail(op, err)
	}
	return nil
}

// narrower returns the longer of two code prefixes when one extends the
// other ("" extends nothing), and "\x00" when they exclude each other.
func narrower(a, b string) string {
	switch {
	case strings.HasPrefix(a, b):
		return a
	case strings.HasPrefix(b, a):
		return b
	}
	return "\x00"
}

// cursor is a position in the listing order: after the event of this date
// (Unix seconds, 0 undated) and ID.
type cursor struct {
	date int64
	id   string
}

// fusedWhere returns the conditions of the listing query for f (whose
// Actor is empty) after the cursor (nil: from the start).
func (s *Store) fusedWhere(f parley.FusedFilter, after *cursor) *where {
	w := new(where)
	// A prefix of three letters or more fixes the indexed head.
	prefix := func(col, p string) {
		if len(p) >= 3 {
			w.add(col+"_head = ?", p[:3])
		}
		if len(p) != 3 {
			w.add(col+" "+s.d.Prefix+" ?", s.d.PrefixArg(p))
		}
	}
	if f.Source != "" {
		prefix("source", f.Source)
	}
	if f.Target != "" {
		prefix("target", f.Target)
	}
	if f.Code != "" {
		if len(f.Code) >= 2 {
			w.add("root = ?", f.Code[:2])
		}
		if len(f.Code) != 2 {
			w.add("code "+s.d.Prefix+" ?", s.d.PrefixArg(f.Code))
		}
	}
	if f.QuadClass != 0 {
		w.add("quad_class = ?", f.QuadClass)
	}
	if f.Plover != "" {
		w.add("plover = ?", f.Plover)
	}
	if f.Mode != "" {
		w.add("mode = ?", string(f.Mode))
	}
	if f.Country != "" {
		w.add("place_country = ?", f.Country)
	}
	if f.Place != "" {
		w.add("lower(place_name) = lower(?)", f.Place)
	}
	if !f.Since.IsZero() {
		w.add("date >= ?", max(1, f.Since.Unix()))
	}
	if !f.Until.IsZero() {
		w.add("date != 0 AND date < ?", f.Until.Unix())
	}
	if f.MinArticles > 0 {
		w.add("num_articles >= ?", f.MinArticles)
	}
	if cond, args := s.d.TextMatch(f.Text); cond != "" {
		w.add(cond, args...)
	}
	if after != nil {
		w.add("(date < ? OR date = ? AND id > ?)", after.date, after.date, after.id)
	}
	return w
}

// FusedEvent returns the fused event id with its mentions, first seen
// first, or an error of Kind NotFound.
func (s *Store) FusedEvent(ctx context.Context, id string) (*parley.FusedEvent, error) {
	op := s.d.Name + ".FusedEvent"
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.fail(op, err)
	}
	defer tx.Rollback()
	e, err := scanFused(tx.QueryRowContext(ctx, `SELECT `+fusedColumns+` FROM fused WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, parley.E(op, parley.NotFound, fmt.Errorf("event %q", id))
	}
	if err != nil {
		return nil, s.fail(op, err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+prefixed(eventColumns, "e.")+`,
		d.source, d.title, d.url, d.published,
		e.sentence_byte_start, e.sentence_byte_end, e.trigger_byte_start, e.trigger_byte_end,
		`+s.d.SentenceText+`
		FROM events e JOIN documents d ON d.id = e.doc_id
		WHERE e.fused_id = ? ORDER BY coalesce(d.published, d.ingested), e.id`, id)
	if err != nil {
		return nil, s.fail(op, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			m                  parley.Mention
			mode               string
			date, published    sql.NullInt64
			sb0, sb1, tb0, tb1 sql.NullInt64
			text               sql.NullString
		)
		ev := &m.Event
		if err := rows.Scan(&ev.ID, &ev.DocID, &ev.Sentence, &ev.Trigger.Start, &ev.Trigger.End, &ev.Source, &ev.Target,
			&ev.SourceRef, &ev.TargetRef, &ev.Code, &ev.Root, &ev.QuadClass, &ev.Goldstein, &ev.Plover, &mode,
			&date, &ev.Precision, &ev.Place, &ev.Pattern,
			&ev.PloverMode, &ev.PloverContext, &ev.ReportedBy, &ev.ReportedByRef, &ev.Confidence, &ev.FusedID,
			&m.Outlet, &m.Title, &m.URL, &published, &sb0, &sb1, &tb0, &tb1, &text); err != nil {
			return nil, s.fail(op, err)
		}
		ev.Mode, ev.Date = parley.Modality(mode), fromUnix(date)
		m.Published = fromUnix(published)
		if sb0.Valid && sb1.Valid {
			m.SentenceBytes = parley.Span{Start: int(sb0.Int64), End: int(sb1.Int64)}
			m.SentenceText = text.String
		}
		if tb0.Valid && tb1.Valid {
			m.TriggerBytes = parley.Span{Start: int(tb0.Int64), End: int(tb1.Int64)}
		}
		e.Mentions = append(e.Mentions, m)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(op, err)
	}
	return &e, nil
}

// prefixed returns the comma-separated columns cols, each with prefix p.
func prefixed(cols, p string) string {
	fs := strings.Split(cols, ",")
	for i, c := range fs {
		fs[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(fs, ", ")
}
