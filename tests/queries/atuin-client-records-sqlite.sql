-- Queries over the atuin client record store (corpus set atuin-client-records-sqlite),
-- compared with SQLite. The ones the engine rejects are marked `-- rejected`.

SELECT id, parent, host, timestamp, tag, version, data, cek FROM records WHERE id = ?1;
SELECT * FROM store WHERE host = ?1 AND tag = ?2 AND idx = ?3;
SELECT host, tag, max(idx) FROM store GROUP BY host, tag;
SELECT * FROM store WHERE host = ?1 AND tag = ?2 ORDER BY idx ASC LIMIT 1;
SELECT * FROM store WHERE idx >= ?1 AND host = ?2 AND tag = ?3 ORDER BY idx LIMIT ?4;
SELECT r.id, s.idx FROM records r JOIN store s ON s.id = r.id;
SELECT id FROM records UNION SELECT id FROM store;
SELECT tag, count(*) FROM store GROUP BY tag;
SELECT s.tag FROM store s WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.parent = s.id);
SELECT length(data) AS size FROM store ORDER BY size DESC;
INSERT INTO store (id, idx, host, tag, timestamp, version, data, cek) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING;
INSERT OR IGNORE INTO records (id, parent, host, timestamp, tag, version, data, cek) VALUES (?, ?, ?, ?, ?, ?, ?, ?);
UPDATE store SET data = ?1, cek = ?2 WHERE id = ?3;
DELETE FROM store WHERE tag = ?1;
-- rejected
SELECT * FROM record;
SELECT id, idex FROM store;
SELECT id, idx, parent FROM store;
SELECT tag FROM records r JOIN store s ON s.id = r.id;
INSERT INTO store (id, idex) VALUES (?, ?);
UPDATE records SET idx = 1;
