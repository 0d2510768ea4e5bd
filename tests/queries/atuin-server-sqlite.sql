-- Queries over the atuin server's SQLite schema (corpus set atuin-server-sqlite), compared
-- with SQLite. The ones the engine rejects are marked `-- rejected`.

SELECT id, username, email, password FROM users WHERE username = ?1;
SELECT u.id, u.username FROM sessions s INNER JOIN users u ON s.user_id = u.id WHERE s.token = ?1;
SELECT client_id, hostname, timestamp, data, created_at FROM history WHERE user_id = ?1 AND hostname != ?2 AND created_at >= ?3 ORDER BY timestamp ASC LIMIT ?4;
SELECT count(1) FROM history WHERE user_id = ?1;
SELECT id, client_id, host, idx, timestamp, version, tag, data, cek FROM store WHERE user_id = ?1 AND tag = ?2 AND host = ?3 AND idx >= ?4 ORDER BY idx ASC LIMIT ?5;
SELECT host, tag, max(idx) FROM store WHERE user_id = ?1 GROUP BY host, tag;
SELECT host, tag, idx FROM store_idx_cache WHERE user_id = ?1;
SELECT user_id, tag FROM store JOIN store_idx_cache USING (user_id, host, tag);
INSERT INTO history (client_id, user_id, hostname, timestamp, data) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING;
INSERT INTO users (username, email, password) VALUES (?1, ?2, ?3) RETURNING id;
INSERT INTO store_idx_cache (user_id, host, tag, idx) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id, host, tag) DO UPDATE SET idx = max(store_idx_cache.idx, excluded.idx);
UPDATE history SET deleted_at = ?3 WHERE user_id = ?1 AND client_id = ?2 AND deleted_at IS NULL;
DELETE FROM sessions WHERE user_id = ?1;
-- rejected
SELECT id FROM records;
SELECT name FROM users;
SELECT id FROM history, sessions;
SELECT user_id FROM store JOIN store_idx_cache ON store.host = store_idx_cache.host;
INSERT INTO users (username, mail, password) VALUES (?1, ?2, ?3);
UPDATE history SET deleted = 1;
