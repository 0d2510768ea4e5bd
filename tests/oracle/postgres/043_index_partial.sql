-- Partial indexes with WHERE predicates.
CREATE TABLE j (id integer, done boolean, deleted_at timestamptz, kind text, priority integer);
CREATE INDEX j_pending ON j (id) WHERE NOT done;
CREATE UNIQUE INDEX j_live_kind ON j (kind) WHERE deleted_at IS NULL;
CREATE INDEX j_urgent ON j (priority) WHERE priority > 5 AND kind IN ('a', 'b');
CREATE INDEX j_done ON j (id) WHERE done;
