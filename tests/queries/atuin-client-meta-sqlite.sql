-- Queries over the atuin client meta database (corpus set atuin-client-meta-sqlite),
-- compared with SQLite. The ones the engine rejects are marked `-- rejected`.

SELECT value FROM meta WHERE key = ?1;
SELECT key, value, updated_at FROM meta ORDER BY updated_at DESC;
INSERT INTO meta (key, value, updated_at) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2);
DELETE FROM meta WHERE key = ?1;
-- rejected
SELECT val FROM meta WHERE key = ?1;
INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING;
INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.val;
SELECT value FROM metadata;
