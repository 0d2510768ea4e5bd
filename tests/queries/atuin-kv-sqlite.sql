-- Queries over the atuin key-value store (corpus set atuin-kv-sqlite), compared with SQLite.
-- The ones the engine rejects are marked `-- rejected`.

SELECT value FROM kv WHERE namespace = ?1 AND key = ?2;
SELECT key FROM kv WHERE namespace = ?1 ORDER BY key;
SELECT DISTINCT namespace FROM kv;
SELECT namespace, count(*) FROM kv GROUP BY namespace;
INSERT INTO kv (namespace, key, value, inserted_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, inserted_at = excluded.inserted_at;
DELETE FROM kv WHERE namespace = ?1 AND key = ?2;
-- rejected
SELECT value FROM kv WHERE ns = ?1;
SELECT value FROM kvs;
INSERT INTO kv (namespace, key, val) VALUES (?1, ?2, ?3);
