-- Deadlines: the time limits the event coder finds (issue 6), stored with
-- their document and listed by due date.
CREATE TABLE deadlines (
    id                  TEXT    PRIMARY KEY,  -- doc_id || '-D' || NNN
    doc_id              TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence            INTEGER NOT NULL,
    token_start         INTEGER NOT NULL,     -- the words that set the limit
    token_end           INTEGER NOT NULL,
    timex               INTEGER NOT NULL DEFAULT -1,
    event               INTEGER NOT NULL DEFAULT -1,
    set_by              TEXT    NOT NULL DEFAULT '',
    set_by_ref          INTEGER NOT NULL DEFAULT -1,
    on_actor            TEXT    NOT NULL DEFAULT '',
    on_ref              INTEGER NOT NULL DEFAULT -1,
    condition_start     INTEGER NOT NULL DEFAULT 0,
    condition_end       INTEGER NOT NULL DEFAULT 0,
    due                 INTEGER NOT NULL,     -- Unix seconds
    approximate         INTEGER NOT NULL DEFAULT 0,
    -- Evidence as byte offsets into documents.text, NULL when the stored
    -- tokens do not cover the spans.
    sentence_byte_start INTEGER,
    sentence_byte_end   INTEGER
);

CREATE INDEX deadlines_due ON deadlines (due, id);
CREATE INDEX deadlines_doc_id ON deadlines (doc_id);
