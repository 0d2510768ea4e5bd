-- Queries over the atuin client history database (corpus set atuin-client-sqlite), compared
-- with SQLite. The ones the engine rejects are marked `-- rejected`.

SELECT id, timestamp, duration, exit, command, cwd, session, hostname, deleted_at FROM history WHERE id = ?1;
SELECT * FROM history WHERE deleted_at IS NULL ORDER BY timestamp DESC LIMIT ?1;
SELECT command, max(timestamp) AS last FROM history GROUP BY command ORDER BY last DESC;
SELECT * FROM history h WHERE h.session = ?1 AND h.cwd = ?2 ORDER BY h.timestamp;
SELECT count(1) FROM history;
SELECT command FROM history WHERE command LIKE ?1 ESCAPE '\';
SELECT command, count(*) AS n FROM history GROUP BY command HAVING n > 1 ORDER BY n DESC;
SELECT hostname, count(*) FROM history GROUP BY hostname;
SELECT h.id FROM history h WHERE h.timestamp = (SELECT max(timestamp) FROM history WHERE session = h.session);
SELECT id FROM (SELECT id, timestamp, row_number() OVER (PARTITION BY command ORDER BY timestamp DESC) AS rn FROM history) WHERE rn = 1;
SELECT id, command FROM history WHERE exit != 0 AND duration > ?1;
SELECT author, intent, shell, author_kind FROM history;
WITH recent AS (SELECT * FROM history ORDER BY timestamp DESC LIMIT 100) SELECT command FROM recent GROUP BY command;
SELECT cwd FROM history WHERE cwd = "/home";
SELECT datetime(timestamp / 1000000000, 'unixepoch') AS at FROM history ORDER BY at;
SELECT rowid, id FROM history;
INSERT INTO history (id, timestamp, duration, exit, command, cwd, session, hostname, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING;
INSERT OR IGNORE INTO history (id, timestamp, duration, exit, command, cwd, session, hostname) VALUES (?, ?, ?, ?, ?, ?, ?, ?);
UPDATE history SET duration = ?2, exit = ?3 WHERE id = ?1;
UPDATE history SET deleted_at = ?1, command = '' WHERE id = ?2;
DELETE FROM history WHERE id = ?1;
-- rejected
SELECT * FROM histories;
SELECT id FROM history WHERE user = ?1;
SELECT cmd FROM history;
SELECT command, max(timestamp) AS last FROM history GROUP BY cmd;
INSERT INTO history (id, time) VALUES (?, ?);
UPDATE history SET exit_code = 1;
DELETE FROM history WHERE session_id = ?;
SELECT h.command FROM history WHERE h.id = 1;
SELECT id FROM history a, history b;
