-- Events gain the PLOVER mode and context, the reporting actor and the
-- coder's confidence (the event coder of issue 5).
ALTER TABLE events ADD COLUMN plover_mode     TEXT    NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN plover_context  TEXT    NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN reported_by     TEXT    NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN reported_by_ref INTEGER NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN confidence      REAL    NOT NULL DEFAULT 0;
