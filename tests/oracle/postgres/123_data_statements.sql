-- Data statements and session commands between DDL change no catalog.
CREATE TABLE kv (k text PRIMARY KEY, v text);
INSERT INTO kv (k, v) VALUES ('a', '1'), ('b', '2');
UPDATE kv SET v = '3' WHERE k = 'a';
DELETE FROM kv WHERE k = 'b';
SELECT count(*) FROM kv;
SET statement_timeout = 0;
SET lock_timeout TO '5s';
ANALYZE kv;
GRANT SELECT ON kv TO PUBLIC;
REVOKE SELECT ON kv FROM PUBLIC;
DO $$ BEGIN PERFORM 1; END $$;
ALTER TABLE kv ADD COLUMN updated timestamptz;
UPDATE kv SET updated = now();
ALTER TABLE kv ALTER COLUMN updated SET NOT NULL;
TRUNCATE kv;
