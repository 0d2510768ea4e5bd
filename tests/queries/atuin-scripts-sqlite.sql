-- Queries over the atuin scripts database (corpus set atuin-scripts-sqlite), compared with
-- SQLite. The ones the engine rejects are marked `-- rejected`.

SELECT id, name, description, shebang, script FROM scripts WHERE id = ?1;
SELECT * FROM scripts ORDER BY inserted_at DESC;
SELECT s.id, s.name FROM scripts s JOIN script_tags t ON t.script_id = s.id WHERE t.tag = ?1;
SELECT tag FROM script_tags WHERE script_id = ?1;
SELECT s.name, group_concat(t.tag, ',') AS tags FROM scripts s LEFT JOIN script_tags t ON t.script_id = s.id GROUP BY s.id;
SELECT name FROM scripts WHERE id IN (SELECT script_id FROM script_tags WHERE tag = ?1);
INSERT INTO scripts (id, name, description, shebang, script, inserted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6);
INSERT INTO script_tags (script_id, tag) VALUES (?1, ?2);
UPDATE scripts SET name = ?2, description = ?3, script = ?4 WHERE id = ?1;
DELETE FROM script_tags WHERE script_id = ?1;
DELETE FROM scripts WHERE id = ?1;
-- rejected
SELECT id, name FROM scripts s JOIN script_tags t ON t.script_id = s.id;
SELECT title FROM scripts;
SELECT s.tag FROM scripts s;
INSERT INTO script_tags (script, tag) VALUES (?1, ?2);
SELECT * FROM script;
