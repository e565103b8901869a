-- How much of a fused event's date its first report said: "day", "month",
-- "year", "week", "quarter", or '' when the date is the article's
-- (parley.FusedEvent.Precision). Events stored before this migration take
-- their first report's precision.
ALTER TABLE fused ADD COLUMN precision TEXT NOT NULL DEFAULT '';
UPDATE fused SET precision = COALESCE((SELECT e.precision FROM events e WHERE e.id = fused.id), '');
