package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// annotations is the JSON form of a Doc's annotation layers, stored in
// documents.annotations. Events are kept in their own table.
type annotations struct {
	Tokens    []parley.Token    `json:"tokens,omitempty"`
	Sentences []parley.Sentence `json:"sentences,omitempty"`
	Entities  []parley.Entity   `json:"entities,omitempty"`
	Timexes   []parley.Timex    `json:"timexes,omitempty"`
	Places    []parley.Place    `json:"places,omitempty"`
	Actors    []parley.Actor    `json:"actors,omitempty"`
	Notes     []parley.Note     `json:"notes,omitempty"`
	Dateline  parley.Span       `json:"dateline,omitzero"`
}

// PutDoc stores d, and its events if it has any, unless a document with
// d.ID is already stored, in which case it reports created false and changes
// nothing. Errors have Kind Invalid when d is nil or has no ID.
func (s *Store) PutDoc(ctx context.Context, d *parley.Doc) (created bool, err error) {
	op := s.d.Name + ".PutDoc"
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return false, s.fail(op, err)
	}
	defer tx.Rollback()
	if created, err = s.putDoc(ctx, op, tx, d); err != nil || !created {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, s.fail(op, err)
	}
	return true, nil
}

// PutDocOn is PutDoc on conn, a connection of the store's writer
// database on which the caller has begun a transaction (through its
// driver) and which it commits: to store a document and queue work on it
// at once.
func (s *Store) PutDocOn(ctx context.Context, conn *sql.Conn, d *parley.Doc) (created bool, err error) {
	return s.putDoc(ctx, s.d.Name+".PutDocOn", s.onConn(conn), d)
}

// onConn runs the store's writes on conn, in the caller's transaction.
func (s *Store) onConn(conn *sql.Conn) *txw {
	return &txw{q: conn, rebind: s.writer.rebind, texts: s.stmts.texts}
}

// putDoc stores d in tx, unless a document with d.ID is stored.
func (s *Store) putDoc(ctx context.Context, op string, tx *txw, d *parley.Doc) (created bool, err error) {
	if d == nil || d.ID == "" {
		return false, parley.E(op, parley.Invalid, errors.New("document has no ID"))
	}
	meta, ann, err := encodeDoc(op, d)
	if err != nil {
		return false, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO documents
		(id, source_id, url, title, source, language, published, meta, origin, text, layers, annotations, ingested, bytes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`,
		d.ID, d.SourceID, d.URL, d.Title, d.Source, d.Language, unix(d.Published), meta, d.Origin,
		d.Text, int64(d.Layers), ann, time.Now().Unix(), len(d.Text))
	if err != nil {
		return false, s.fail(op, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, s.fail(op, err)
	}
	if n == 0 { // a duplicate
		return false, nil
	}
	if err := s.insertEvents(ctx, tx, d.ID, d.Tokens, d.Sentences, d.Places, d.Events); err != nil {
		return false, s.fail(op, err)
	}
	if err := insertDeadlines(ctx, tx, d); err != nil {
		return false, s.fail(op, err)
	}
	return true, nil
}

// ReplaceDocOn stores the stored document d.ID again as d now is, with
// its annotation layers, events (fused again) and deadlines, on conn in
// the caller's transaction, as PutDocOn: for a worker that codes a
// document stored raw and marks its job done in the same transaction. It
// returns an error of Kind NotFound when no document has d.ID.
func (s *Store) ReplaceDocOn(ctx context.Context, conn *sql.Conn, d *parley.Doc) error {
	op := s.d.Name + ".ReplaceDocOn"
	if d == nil || d.ID == "" {
		return parley.E(op, parley.Invalid, errors.New("document has no ID"))
	}
	t := s.onConn(conn)
	meta, ann, err := encodeDoc(op, d)
	if err != nil {
		return err
	}
	res, err := t.ExecContext(ctx, `UPDATE documents SET meta = ?, layers = ?, annotations = ? WHERE id = ?`,
		meta, int64(d.Layers), ann, d.ID)
	if err != nil {
		return s.fail(op, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err == nil {
			err = parley.E(op, parley.NotFound, fmt.Errorf("document %q", d.ID))
		}
		return err
	}
	if err := s.replaceEvents(ctx, op, t, d.ID, d.Tokens, d.Sentences, d.Places, d.Events); err != nil {
		return err
	}
	if _, err := t.ExecContext(ctx, `DELETE FROM deadlines WHERE doc_id = ?`, d.ID); err != nil {
		return s.fail(op, err)
	}
	if err := insertDeadlines(ctx, t, d); err != nil {
		return s.fail(op, err)
	}
	return nil
}

// encodeDoc returns d's metadata (nil, NULL, when empty) and annotation
// layers as the documents table keeps them.
func encodeDoc(op string, d *parley.Doc) (meta any, ann string, err error) {
	if len(d.Meta) > 0 {
		b, err := json.Marshal(d.Meta)
		if err != nil {
			return nil, "", parley.E(op, parley.Invalid, err)
		}
		meta = string(b)
	}
	b, err := json.Marshal(annotations{d.Tokens, d.Sentences, d.Entities, d.Timexes, d.Places, d.Actors, d.Notes, d.Dateline})
	if err != nil {
		return nil, "", parley.E(op, parley.Invalid, err)
	}
	return meta, string(b), nil
}

// insertDeadlines inserts the deadlines of d, numbered d.ID-D001, ….
func insertDeadlines(ctx context.Context, tx *txw, d *parley.Doc) error {
	if len(d.Deadlines) == 0 {
		return nil
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO deadlines
		(id, doc_id, sentence, token_start, token_end, timex, event, set_by, set_by_ref, on_actor, on_ref,
		 condition_start, condition_end, due, approximate, sentence_byte_start, sentence_byte_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for i, dl := range d.Deadlines {
		id := fmt.Sprintf("%s-D%03d", d.ID, i+1)
		var sent parley.Span
		if dl.Sentence >= 0 && dl.Sentence < len(d.Sentences) {
			sent = d.Sentences[dl.Sentence].Tokens
		}
		sb0, sb1 := byteSpan(d.Tokens, sent)
		approx := 0
		if dl.Approximate {
			approx = 1
		}
		if _, err := ins.ExecContext(ctx, id, d.ID, dl.Sentence, dl.Tokens.Start, dl.Tokens.End, dl.Timex, dl.Event,
			dl.SetBy, dl.SetByRef, dl.On, dl.OnRef, dl.Condition.Start, dl.Condition.End, dl.Due.Unix(), approx, sb0, sb1); err != nil {
			return fmt.Errorf("deadline %s: %w", id, err)
		}
	}
	return nil
}

// deadlineColumns are the columns scanDeadlines reads, in order.
const deadlineColumns = `id, doc_id, sentence, token_start, token_end, timex, event, set_by, set_by_ref, on_actor, on_ref,
	condition_start, condition_end, due, approximate`

// scanDeadlines reads and closes rows of deadlineColumns.
func scanDeadlines(rows *sql.Rows) ([]parley.Deadline, error) {
	defer rows.Close()
	var out []parley.Deadline
	for rows.Next() {
		var (
			dl     parley.Deadline
			due    int64
			approx int
		)
		if err := rows.Scan(&dl.ID, &dl.DocID, &dl.Sentence, &dl.Tokens.Start, &dl.Tokens.End, &dl.Timex, &dl.Event,
			&dl.SetBy, &dl.SetByRef, &dl.On, &dl.OnRef, &dl.Condition.Start, &dl.Condition.End, &due, &approx); err != nil {
			return nil, err
		}
		dl.Due, dl.Approximate = time.Unix(due, 0).UTC(), approx != 0
		out = append(out, dl)
	}
	return out, rows.Err()
}

// Deadlines lists stored deadlines by due date, then ID.
func (s *Store) Deadlines(ctx context.Context, f parley.DeadlineFilter) ([]parley.Deadline, error) {
	op := s.d.Name + ".Deadlines"
	n, err := limit(op, f.Limit)
	if err != nil {
		return nil, err
	}
	var w where
	if f.DocID != "" {
		w.add("doc_id = ?", f.DocID)
	}
	if !f.DueSince.IsZero() {
		w.add("due >= ?", f.DueSince.Unix())
	}
	if !f.DueBefore.IsZero() {
		w.add("due < ?", f.DueBefore.Unix())
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT `+deadlineColumns+` FROM deadlines`+w.String()+` ORDER BY due, id LIMIT ?`,
		append(w.args, n)...)
	if err != nil {
		return nil, s.fail(op, err)
	}
	out, err := scanDeadlines(rows)
	if err != nil {
		return nil, s.fail(op, err)
	}
	return out, nil
}

// DocAsRead returns the stored document with id as it was read: its text
// and metadata, none of its layers, events or deadlines (for coding it
// again); or an error of Kind NotFound.
func (s *Store) DocAsRead(ctx context.Context, id string) (*parley.Doc, error) {
	return s.readDoc(ctx, s.d.Name+".DocAsRead", s.reader, id, "")
}

// readDoc reads the text and metadata of document id from q, and the
// columns more (", a, b") into extra.
func (s *Store) readDoc(ctx context.Context, op string, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, id, more string, extra ...any) (*parley.Doc, error) {
	d := &parley.Doc{ID: id}
	var (
		published sql.NullInt64
		meta      sql.NullString
	)
	err := q.QueryRowContext(ctx, `SELECT source_id, url, title, source, language, published, meta, origin, text`+more+`
		FROM documents WHERE id = ?`, id).
		Scan(append([]any{&d.SourceID, &d.URL, &d.Title, &d.Source, &d.Language, &published, &meta, &d.Origin, &d.Text}, extra...)...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, parley.E(op, parley.NotFound, fmt.Errorf("document %q", id))
	}
	if err != nil {
		return nil, s.fail(op, err)
	}
	d.Published = fromUnix(published)
	if meta.Valid {
		if err := json.Unmarshal([]byte(meta.String), &d.Meta); err != nil {
			return nil, parley.E(op, parley.Internal, fmt.Errorf("document %q: meta: %w", id, err))
		}
	}
	return d, nil
}

// Doc returns the stored document with id, its annotations and its events,
// or an error of Kind NotFound.
func (s *Store) Doc(ctx context.Context, id string) (*parley.Doc, error) {
	op := s.d.Name + ".Doc"
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // one snapshot for both queries
	if err != nil {
		return nil, s.fail(op, err)
	}
	defer tx.Rollback()

	var (
		layers int64
		ann    string
	)
	d, err := s.readDoc(ctx, op, tx, id, ", layers, annotations", &layers, &ann)
	if err != nil {
		return nil, err
	}
	d.Layers = parley.Layer(layers)
	var a annotations
	if err := json.Unmarshal([]byte(ann), &a); err != nil {
		return nil, parley.E(op, parley.Internal, fmt.Errorf("document %q: annotations: %w", id, err))
	}
	d.Tokens, d.Sentences, d.Entities, d.Timexes, d.Places, d.Actors, d.Notes, d.Dateline =
		a.Tokens, a.Sentences, a.Entities, a.Timexes, a.Places, a.Actors, a.Notes, a.Dateline

	rows, err := tx.QueryContext(ctx, `SELECT `+eventColumns+` FROM events WHERE doc_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, s.fail(op, err)
	}
	if d.Events, err = scanEvents(rows); err != nil {
		return nil, s.fail(op, err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT `+deadlineColumns+` FROM deadlines WHERE doc_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, s.fail(op, err)
	}
	if d.Deadlines, err = scanDeadlines(rows); err != nil {
		return nil, s.fail(op, err)
	}
	return d, nil
}

// Docs lists stored documents ordered by ID.
func (s *Store) Docs(ctx context.Context, f parley.DocFilter) ([]parley.DocInfo, error) {
	op := s.d.Name + ".Docs"
	n, err := limit(op, f.Limit)
	if err != nil {
		return nil, err
	}
	var w where
	if f.Source != "" {
		w.add("d.source = ?", f.Source)
	}
	if !f.Since.IsZero() {
		w.add("d.published >= ?", f.Since.Unix())
	}
	if !f.Until.IsZero() {
		w.add("d.published < ?", f.Until.Unix())
	}
	if f.After != "" {
		w.add("d.id > ?", f.After)
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT d.id, d.source_id, d.url, d.title, d.source, d.published, d.ingested, d.bytes,
		(SELECT count(*) FROM events e WHERE e.doc_id = d.id)
		FROM documents d`+w.String()+` ORDER BY d.id LIMIT ?`, append(w.args, n)...)
	if err != nil {
		return nil, s.fail(op, err)
	}
	defer rows.Close()
	var docs []parley.DocInfo
	for rows.Next() {
		var (
			di        parley.DocInfo
			published sql.NullInt64
			ingested  int64
		)
		if err := rows.Scan(&di.ID, &di.SourceID, &di.URL, &di.Title, &di.Source, &published, &ingested, &di.Bytes, &di.Events); err != nil {
			return nil, s.fail(op, err)
		}
		di.Published = fromUnix(published)
		di.Ingested = time.Unix(ingested, 0).UTC()
		docs = append(docs, di)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(op, err)
	}
	return docs, nil
}

// PutEvents replaces the events of document docID with events, numbering
// them docID-0001, docID-0002, …, and records for each the mention in its
// sentence. It returns an error of Kind NotFound when the document is not
// stored.
func (s *Store) PutEvents(ctx context.Context, docID string, events []parley.Event) error {
	op := s.d.Name + ".PutEvents"
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(op, err)
	}
	defer tx.Rollback()
	var ann string
	err = tx.QueryRowContext(ctx, `SELECT annotations FROM documents WHERE id = ?`, docID).Scan(&ann)
	if errors.Is(err, sql.ErrNoRows) {
		return parley.E(op, parley.NotFound, fmt.Errorf("document %q", docID))
	}
	if err != nil {
		return s.fail(op, err)
	}
	var a annotations
	if err := json.Unmarshal([]byte(ann), &a); err != nil {
		return parley.E(op, parley.Internal, fmt.Errorf("document %q: annotations: %w", docID, err))
	}
	if err := s.replaceEvents(ctx, op, tx, docID, a.Tokens, a.Sentences, a.Places, events); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return s.fail(op, err)
	}
	return nil
}

// replaceEvents replaces the events of document docID with events. The
// fused events the old events belonged to lose them (and go when nothing
// is left of them) before the new events are fused.
func (s *Store) replaceEvents(ctx context.Context, op string, tx *txw, docID string, tokens []parley.Token, sentences []parley.Sentence,
	places []parley.Place, events []parley.Event) error {
	old, err := fusedOf(ctx, tx, docID)
	if err != nil {
		return s.fail(op, err)
	}
	if _, err := tx.ExecContext(ctx, s.d.DeleteEvidence, docID); err != nil {
		return s.fail(op, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE doc_id = ?`, docID); err != nil {
		return s.fail(op, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE doc_id = ?`, docID); err != nil {
		return s.fail(op, err)
	}
	if err := s.refreshFused(ctx, tx, old); err != nil {
		return s.fail(op, err)
	}
	if err := s.insertEvents(ctx, tx, docID, tokens, sentences, places, events); err != nil {
		return s.fail(op, err)
	}
	return nil
}

// insertEvents inserts events as the events of document docID, with one
// mention each, and fuses each with the stored events that report the same
// real-world event (s.fuse). Tokens, sentences and places are the
// document's: they turn the events' token spans into byte offsets and give
// their places.
func (s *Store) insertEvents(ctx context.Context, tx *txw, docID string, tokens []parley.Token, sentences []parley.Sentence,
	places []parley.Place, events []parley.Event) error {
	if len(events) == 0 {
		return nil
	}
	ins := tx.StmtContext(ctx, s.stmts.insertEvent)
	mention := tx.StmtContext(ctx, s.stmts.insertMention)
	index := tx.StmtContext(ctx, s.stmts.indexEvidence)
	f := s.newFuser(ctx, tx, docID)
	if err := f.lockKeys(ctx, events); err != nil {
		return err
	}
	for i, e := range events {
		id := fmt.Sprintf("%s-%04d", docID, i+1)
		var place *parley.Place
		if e.Place >= 0 && e.Place < len(places) {
			place = &places[e.Place]
		}
		fid, err := f.add(ctx, id, e, place)
		if err != nil {
			return fmt.Errorf("fusing event %s: %w", id, err)
		}
		var sent parley.Span
		if e.Sentence >= 0 && e.Sentence < len(sentences) {
			sent = sentences[e.Sentence].Tokens
		}
		sb0, sb1 := byteSpan(tokens, sent)
		tb0, tb1 := byteSpan(tokens, e.Trigger)
		if _, err := ins.ExecContext(ctx, id, docID, e.Sentence, e.Trigger.Start, e.Trigger.End,
			e.Source, e.Target, e.SourceRef, e.TargetRef, e.Code, e.Root, e.QuadClass, e.Goldstein,
			e.Plover, string(e.Mode), unix(e.Date), e.Precision, e.Place, e.Pattern,
			sb0, sb1, tb0, tb1, e.PloverMode, e.PloverContext, e.ReportedBy, e.ReportedByRef, e.Confidence, fid); err != nil {
			return fmt.Errorf("event %s: %w", id, err)
		}
		if _, err := mention.ExecContext(ctx, id, docID, e.Sentence, sb0, sb1); err != nil {
			return fmt.Errorf("mention of event %s: %w", id, err)
		}
		if _, err := index.ExecContext(ctx, id); err != nil {
			return fmt.Errorf("evidence of event %s: %w", id, err)
		}
	}
	return s.refreshFused(ctx, tx, f.touched)
}

// byteSpan returns the byte offsets covered by the token span s, or two
// nils when tokens do not cover s.
func byteSpan(tokens []parley.Token, s parley.Span) (start, end any) {
	if s.Empty() || s.Start < 0 || s.End > len(tokens) {
		return nil, nil
	}
	return tokens[s.Start].Start, tokens[s.End-1].End
}

// eventColumns are the columns scanEvents reads, in order.
const eventColumns = `id, doc_id, sentence, trigger_start, trigger_end, source, target, source_ref, target_ref,
	code, root, quad_class, goldstein, plover, mode, date, precision, place, pattern,
	plover_mode, plover_context, reported_by, reported_by_ref, confidence, fused_id`

// scanEvents reads and closes rows of eventColumns.
func scanEvents(rows *sql.Rows) ([]parley.Event, error) {
	defer rows.Close()
	var events []parley.Event
	for rows.Next() {
		var (
			e    parley.Event
			mode string
			date sql.NullInt64
		)
		if err := rows.Scan(&e.ID, &e.DocID, &e.Sentence, &e.Trigger.Start, &e.Trigger.End, &e.Source, &e.Target,
			&e.SourceRef, &e.TargetRef, &e.Code, &e.Root, &e.QuadClass, &e.Goldstein, &e.Plover, &mode,
			&date, &e.Precision, &e.Place, &e.Pattern,
			&e.PloverMode, &e.PloverContext, &e.ReportedBy, &e.ReportedByRef, &e.Confidence, &e.FusedID); err != nil {
			return nil, err
		}
		e.Mode = parley.Modality(mode)
		e.Date = fromUnix(date)
		events = append(events, e)
	}
	return events, rows.Err()
}

// Events lists stored events ordered by ID.
func (s *Store) Events(ctx context.Context, f parley.EventFilter) ([]parley.Event, error) {
	op := s.d.Name + ".Events"
	n, err := limit(op, f.Limit)
	if err != nil {
		return nil, err
	}
	var w where
	if f.DocID != "" {
		w.add("doc_id = ?", f.DocID)
	}
	if f.Source != "" {
		w.add("source "+s.d.Prefix+" ?", s.d.PrefixArg(f.Source))
	}
	if f.Target != "" {
		w.add("target "+s.d.Prefix+" ?", s.d.PrefixArg(f.Target))
	}
	if f.Code != "" {
		w.add("code "+s.d.Prefix+" ?", s.d.PrefixArg(f.Code))
	}
	if !f.Since.IsZero() {
		w.add("date >= ?", f.Since.Unix())
	}
	if !f.Until.IsZero() {
		w.add("date < ?", f.Until.Unix())
	}
	if f.After != "" {
		w.add("id > ?", f.After)
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT `+eventColumns+` FROM events`+w.String()+` ORDER BY id LIMIT ?`,
		append(w.args, n)...)
	if err != nil {
		return nil, s.fail(op, err)
	}
	events, err := scanEvents(rows)
	if err != nil {
		return nil, s.fail(op, err)
	}
	return events, nil
}

// Has reports whether a document with this ID is stored.
func (s *Store) Has(ctx context.Context, id string) (bool, error) {
	var one int
	err := s.reader.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = ?`, id).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, s.fail(s.d.Name+".Has", err)
	}
	return true, nil
}

// Stats returns the number of stored documents and events.
func (s *Store) Stats(ctx context.Context) (docs, events int, err error) {
	err = s.reader.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)`).
		Scan(&docs, &events)
	if err != nil {
		return 0, 0, s.fail(s.d.Name+".Stats", err)
	}
	return docs, events, nil
}

// where accumulates the conditions of a WHERE clause and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// String returns the clause with a leading space, or "" when there are no
// conditions.
func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// limit returns the number of rows a filter with Limit n selects.
func limit(op string, n int) (int, error) {
	switch {
	case n < 0:
		return 0, parley.E(op, parley.Invalid, fmt.Errorf("negative limit %d", n))
	case n == 0:
		return defaultLimit, nil
	case n > maxLimit:
		return maxLimit, nil
	}
	return n, nil
}

// unix returns t as Unix seconds, or nil (NULL) for the zero time.
func unix(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

// fromUnix is the inverse of unix: the UTC time, or the zero time for NULL.
func fromUnix(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(n.Int64, 0).UTC()
}
