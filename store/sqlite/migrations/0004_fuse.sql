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
    place           TEXT,                      -- JSON of a parley.Place, NULL when none
    place_country   TEXT    NOT NULL DEFAULT '',
    num_mentions    INTEGER NOT NULL DEFAULT 0,
    num_articles    INTEGER NOT NULL DEFAULT 0,
    num_sources     INTEGER NOT NULL DEFAULT 0,
    first_seen      INTEGER NOT NULL DEFAULT 0,
    last_seen       INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX fused_key ON fused (source, target, base, class, date);
CREATE INDEX fused_listing ON fused (date DESC, id);
CREATE INDEX fused_target ON fused (target, date DESC, id);
CREATE INDEX fused_code ON fused (code);

ALTER TABLE events ADD COLUMN fused_id TEXT NOT NULL DEFAULT '';
CREATE INDEX events_fused_id ON events (fused_id);

-- Events stored before fusing existed have no fused event yet: Open fuses
-- them, in the order their documents were stored (Store.fuseStored).
