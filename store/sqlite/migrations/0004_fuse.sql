-- Cross-article deduplication (issue 7): every coded event belongs to one
-- fused event, the real-world event that all the sentences and articles
-- reporting it share (parley.FuseRule). A fused event is named after its
-- first coded event and keeps what later reports are judged by: its key
-- (source, target, CAMEO base code, modality class), its anchor (date,
-- document, place) and, for listing and filtering, its first report's code
-- and place, with counts kept up to date as reports come and go.
CREATE TABLE fused (
    id              TEXT    PRIMARY KEY,       -- the ID of its first coded event
    source          TEXT    NOT NULL DEFAULT '',
    target          TEXT    NOT NULL DEFAULT '',
    source_head     TEXT    NOT NULL DEFAULT '',-- the first three letters of source: its country or kind ("RUS", "IGO")
    target_head     TEXT    NOT NULL DEFAULT '',
    base            TEXT    NOT NULL,          -- CAMEO base code: the first three digits
    class           TEXT    NOT NULL,          -- modality class: fact, future, conditional, …
    date            INTEGER NOT NULL DEFAULT 0,-- Unix seconds; 0 when undated
    doc_id          TEXT    NOT NULL,          -- the first report's document
    code            TEXT    NOT NULL,
    root            TEXT    NOT NULL DEFAULT '',
    quad_class      INTEGER NOT NULL DEFAULT 0,
    goldstein       REAL    NOT NULL DEFAULT 0,
    plover          TEXT    NOT NULL DEFAULT '',
    mode            TEXT    NOT NULL DEFAULT '',
    -- Where: NULL name when no report says; the country is '' then.
    place_name      TEXT,
    place_country   TEXT    NOT NULL DEFAULT '',
    place_admin1    TEXT    NOT NULL DEFAULT '',
    place_feature   TEXT    NOT NULL DEFAULT '',
    place_geonameid INTEGER NOT NULL DEFAULT 0,
    place_lat       REAL    NOT NULL DEFAULT 0,
    place_lon       REAL    NOT NULL DEFAULT 0,
    num_mentions    INTEGER NOT NULL DEFAULT 0,
    num_articles    INTEGER NOT NULL DEFAULT 0,
    num_sources     INTEGER NOT NULL DEFAULT 0,
    first_seen      INTEGER NOT NULL DEFAULT 0,
    last_seen       INTEGER NOT NULL DEFAULT 0,
    -- The event as a listing serves it (parley.FusedEvent.AppendJSON),
    -- written again whenever its counts or place change.
    listing         TEXT    NOT NULL DEFAULT ''
);

-- Fusing finds candidates by key and date. Listings go newest first, and
-- the filters that select few events (an actor's country or kind, a CAMEO
-- root, the place's country) each lead an index in that order, so that a
-- page is read without sorting; each index also carries the other common
-- filters, tested on the index before a row is read.
CREATE INDEX fused_key ON fused (source, target, base, class, date);
CREATE INDEX fused_listing ON fused (date DESC, id, root, quad_class, mode, source_head, target_head, place_country);
CREATE INDEX fused_source ON fused (source_head, date DESC, id, root, quad_class, mode, target_head, place_country);
CREATE INDEX fused_target ON fused (target_head, date DESC, id, root, quad_class, mode, source_head, place_country);
CREATE INDEX fused_root ON fused (root, date DESC, id, quad_class, mode, source_head, target_head, place_country);
CREATE INDEX fused_place ON fused (place_country, date DESC, id, root, quad_class, mode, source_head, target_head);

ALTER TABLE events ADD COLUMN fused_id TEXT NOT NULL DEFAULT '';
CREATE INDEX events_fused_id ON events (fused_id);

-- The sentences that report the events, for full-text search: one row per
-- coded event, its rowid the event's, with its fused event.
CREATE VIRTUAL TABLE evidence USING fts5(fused_id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');

-- Events stored before fusing existed have no fused event yet: Open fuses
-- them, in the order their documents were stored (Store.fuseStored).
