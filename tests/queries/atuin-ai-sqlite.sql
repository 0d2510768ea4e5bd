-- Queries over the atuin AI sessions database (corpus set atuin-ai-sqlite), compared with
-- SQLite. The ones the engine rejects are marked `-- rejected`.

SELECT id, head_id, server_session_id, directory, git_root, created_at, updated_at FROM sessions WHERE id = ?1;
SELECT * FROM sessions WHERE archived_at IS NULL ORDER BY updated_at DESC LIMIT ?1;
SELECT e.id, e.event_type, e.event_data FROM session_events e WHERE e.session_id = ?1 ORDER BY e.created_at;
WITH RECURSIVE chain(id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM session_events WHERE id = ?1 UNION ALL SELECT e.id, e.parent_id, c.depth + 1 FROM session_events e JOIN chain c ON e.id = c.parent_id) SELECT id, depth FROM chain ORDER BY depth DESC;
SELECT key, value FROM session_metadata WHERE session_id = ?1;
SELECT s.id, m.value FROM sessions s LEFT JOIN session_metadata m ON m.session_id = s.id AND m.key = 'title';
SELECT snapshot FROM usage WHERE user_key = ?1;
SELECT s.directory, count(e.id) FROM sessions s JOIN session_events e ON e.session_id = s.id GROUP BY s.directory;
INSERT INTO sessions (id, head_id, server_session_id, directory, git_root, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);
INSERT INTO session_metadata (session_id, key, value, updated_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (session_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
INSERT INTO usage (user_key, snapshot, updated_at) VALUES (?1, ?2, ?3) ON CONFLICT (user_key) DO UPDATE SET snapshot = excluded.snapshot;
UPDATE sessions SET head_id = ?2, updated_at = ?3 WHERE id = ?1;
UPDATE sessions SET archived_at = ?1 WHERE updated_at < ?2;
DELETE FROM session_events WHERE session_id = ?1;
-- rejected
SELECT id FROM session;
SELECT id, created_at FROM sessions s JOIN session_events e ON e.session_id = s.id;
SELECT head FROM sessions;
WITH RECURSIVE chain(id, parent_id) AS (SELECT id, parent_id FROM session_events UNION ALL SELECT e.id, e.parent FROM session_events e JOIN chain c ON e.id = c.parent_id) SELECT id FROM chain;
INSERT INTO usage (user_key, snapshot) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING;
UPDATE sessions SET archived = 1;
