-- parley's store on PostgreSQL: documents, their coded events with the
-- mentions that tie them to the sentences proving them, deadlines, the
-- fused events (parley.FuseRule) and the full-text index of the evidence.
-- The same tables as the SQLite store's; times are Unix seconds in UTC,
-- NULL when unknown.

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

CREATE TABLE documents (
    id          text    PRIMARY KEY,
    source_id   text    NOT NULL DEFAULT '',
    url         text    NOT NULL DEFAULT '',
    title       text    NOT NULL DEFAULT '',
    source      text    NOT NULL DEFAULT '',
    language    text    NOT NULL DEFAULT '',
    published   bigint,
    meta        text,
    origin      text    NOT NULL DEFAULT '',
    text        text    NOT NULL,
    layers      bigint  NOT NULL DEFAULT 0,
    annotations text    NOT NULL DEFAULT '{}',
    ingested    bigint  NOT NULL,
    bytes       bigint  NOT NULL
);
CREATE INDEX documents_source ON documents (source);
CREATE INDEX documents_published ON documents (published);

CREATE TABLE events (
    id                  text    PRIMARY KEY,
    doc_id              text    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence            integer NOT NULL,
    trigger_start       integer NOT NULL,
    trigger_end         integer NOT NULL,
    source              text    NOT NULL DEFAULT '',
    target              text    NOT NULL DEFAULT '',
    source_ref          integer NOT NULL DEFAULT -1,
    target_ref          integer NOT NULL DEFAULT -1,
    code                text    NOT NULL,
    root                text    NOT NULL DEFAULT '',
    quad_class          integer NOT NULL DEFAULT 0,
    goldstein           double precision NOT NULL DEFAULT 0,
    plover              text    NOT NULL DEFAULT '',
    mode                text    NOT NULL DEFAULT '',
    date                bigint,
    precision           text    NOT NULL DEFAULT '',
    place               integer NOT NULL DEFAULT -1,
    pattern             text    NOT NULL DEFAULT '',
    sentence_byte_start integer,
    sentence_byte_end   integer,
    trigger_byte_start  integer,
    trigger_byte_end    integer,
    plover_mode         text    NOT NULL DEFAULT '',
    plover_context      text    NOT NULL DEFAULT '',
    reported_by         text    NOT NULL DEFAULT '',
    reported_by_ref     integer NOT NULL DEFAULT -1,
    confidence          double precision NOT NULL DEFAULT 0,
    fused_id            text    NOT NULL DEFAULT ''
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_source ON events (source text_pattern_ops);
CREATE INDEX events_target ON events (target text_pattern_ops);
CREATE INDEX events_code ON events (code text_pattern_ops);
CREATE INDEX events_doc_id ON events (doc_id);
CREATE INDEX events_fused_id ON events (fused_id);

CREATE TABLE mentions (
    event_id   text    NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    doc_id     text    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence   integer NOT NULL,
    byte_start integer,
    byte_end   integer,
    PRIMARY KEY (event_id, doc_id, sentence)
);
CREATE INDEX mentions_doc_id ON mentions (doc_id);

CREATE TABLE deadlines (
    id                  text    PRIMARY KEY,
    doc_id              text    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence            integer NOT NULL,
    token_start         integer NOT NULL,
    token_end           integer NOT NULL,
    timex               integer NOT NULL DEFAULT -1,
    event               integer NOT NULL DEFAULT -1,
    set_by              text    NOT NULL DEFAULT '',
    set_by_ref          integer NOT NULL DEFAULT -1,
    on_actor            text    NOT NULL DEFAULT '',
    on_ref              integer NOT NULL DEFAULT -1,
    condition_start     integer NOT NULL DEFAULT 0,
    condition_end       integer NOT NULL DEFAULT 0,
    due                 bigint  NOT NULL,
    approximate         integer NOT NULL DEFAULT 0,
    sentence_byte_start integer,
    sentence_byte_end   integer
);
CREATE INDEX deadlines_due ON deadlines (due, id);
CREATE INDEX deadlines_doc_id ON deadlines (doc_id);

CREATE TABLE fused (
    seq             bigserial,                 -- creation order: the first candidate wins a tie
    id              text    PRIMARY KEY,
    source          text    NOT NULL DEFAULT '',
    target          text    NOT NULL DEFAULT '',
    source_head     text    NOT NULL DEFAULT '',
    target_head     text    NOT NULL DEFAULT '',
    base            text    NOT NULL,
    class           text    NOT NULL,
    date            bigint  NOT NULL DEFAULT 0,
    doc_id          text    NOT NULL,
    code            text    NOT NULL,
    root            text    NOT NULL DEFAULT '',
    quad_class      integer NOT NULL DEFAULT 0,
    goldstein       double precision NOT NULL DEFAULT 0,
    plover          text    NOT NULL DEFAULT '',
    mode            text    NOT NULL DEFAULT '',
    place_name      text,
    place_country   text    NOT NULL DEFAULT '',
    place_admin1    text    NOT NULL DEFAULT '',
    place_feature   text    NOT NULL DEFAULT '',
    place_geonameid integer NOT NULL DEFAULT 0,
    place_lat       double precision NOT NULL DEFAULT 0,
    place_lon       double precision NOT NULL DEFAULT 0,
    num_mentions    integer NOT NULL DEFAULT 0,
    num_articles    integer NOT NULL DEFAULT 0,
    num_sources     integer NOT NULL DEFAULT 0,
    first_seen      bigint  NOT NULL DEFAULT 0,
    last_seen       bigint  NOT NULL DEFAULT 0,
    listing         text    NOT NULL DEFAULT ''
);
CREATE INDEX fused_key ON fused (source, target, base, class, date);
CREATE INDEX fused_listing ON fused (date DESC, id) INCLUDE (root, quad_class, mode, source_head, target_head, place_country);
CREATE INDEX fused_source ON fused (source_head, date DESC, id) INCLUDE (root, quad_class, mode, target_head, place_country);
CREATE INDEX fused_target ON fused (target_head, date DESC, id) INCLUDE (root, quad_class, mode, source_head, place_country);
CREATE INDEX fused_root ON fused (root, date DESC, id) INCLUDE (quad_class, mode, source_head, target_head, place_country);
CREATE INDEX fused_place ON fused (place_country, date DESC, id) INCLUDE (root, quad_class, mode, source_head, target_head);

CREATE TABLE evidence (
    event_id text PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    fused_id text NOT NULL,
    tsv      tsvector NOT NULL
);
CREATE INDEX evidence_tsv ON evidence USING gin (tsv);
