-- Data statements in their SQLite spellings.
CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT);
REPLACE INTO kv VALUES ('a', '1');
INSERT OR IGNORE INTO kv (k, v) VALUES ('a', '2');
INSERT INTO kv (k, v) VALUES ('b', '3') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
WITH x AS (SELECT 'c' AS k) INSERT INTO kv (k) SELECT k FROM x;
