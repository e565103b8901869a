-- Documents, their coded events, and the mentions that tie events to the
-- sentences that prove them. Times are Unix seconds in UTC, NULL when unknown.

CREATE TABLE documents (
    id          TEXT    PRIMARY KEY,          -- parley.Hash of text
    source_id   TEXT    NOT NULL DEFAULT '',
    url         TEXT    NOT NULL DEFAULT '',
    title       TEXT    NOT NULL DEFAULT '',
    source      TEXT    NOT NULL DEFAULT '',  -- outlet
    language    TEXT    NOT NULL DEFAULT '',
    published   INTEGER,
    meta        TEXT,                         -- JSON object, NULL when empty
    origin      TEXT    NOT NULL DEFAULT '',
    text        TEXT    NOT NULL,
    layers      INTEGER NOT NULL DEFAULT 0,   -- parley.Layer bits
    annotations TEXT    NOT NULL DEFAULT '{}',-- JSON: tokens, sentences, entities, timexes, places, actors, notes
    ingested    INTEGER NOT NULL,
    bytes       INTEGER NOT NULL              -- length of text in bytes
);

CREATE INDEX documents_source ON documents (source);
CREATE INDEX documents_published ON documents (published);

CREATE TABLE events (
    id                  TEXT    PRIMARY KEY,  -- doc_id || '-' || NNNN
    doc_id              TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence            INTEGER NOT NULL,     -- index into the document's sentences
    trigger_start       INTEGER NOT NULL,     -- token span of the trigger
    trigger_end         INTEGER NOT NULL,
    source              TEXT    NOT NULL DEFAULT '',
    target              TEXT    NOT NULL DEFAULT '',
    source_ref          INTEGER NOT NULL DEFAULT -1,
    target_ref          INTEGER NOT NULL DEFAULT -1,
    code                TEXT    NOT NULL,
    root                TEXT    NOT NULL DEFAULT '',
    quad_class          INTEGER NOT NULL DEFAULT 0,
    goldstein           REAL    NOT NULL DEFAULT 0,
    plover              TEXT    NOT NULL DEFAULT '',
    mode                TEXT    NOT NULL DEFAULT '',
    date                INTEGER,
    precision           TEXT    NOT NULL DEFAULT '',
    place               INTEGER NOT NULL DEFAULT -1,
    pattern             TEXT    NOT NULL DEFAULT '',
    -- Evidence as byte offsets into documents.text, NULL when the stored
    -- tokens and sentences do not cover the event's spans.
    sentence_byte_start INTEGER,
    sentence_byte_end   INTEGER,
    trigger_byte_start  INTEGER,
    trigger_byte_end    INTEGER
);

CREATE INDEX events_date ON events (date);
CREATE INDEX events_source ON events (source);
CREATE INDEX events_target ON events (target);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_doc_id ON events (doc_id);

-- A mention is one sentence of one document that reports an event. Each
-- stored event has the mention in its own document; cross-article
-- deduplication adds mentions from other documents.
CREATE TABLE mentions (
    event_id   TEXT    NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    doc_id     TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    byte_start INTEGER,
    byte_end   INTEGER,
    PRIMARY KEY (event_id, doc_id, sentence)
);

CREATE INDEX mentions_doc_id ON mentions (doc_id);
