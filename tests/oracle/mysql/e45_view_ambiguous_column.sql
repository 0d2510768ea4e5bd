-- expect-error
-- Ambiguous and duplicate view columns.
CREATE TABLE t (id INT, x INT);
CREATE TABLE u (id INT);
CREATE VIEW ok AS SELECT t.id, u.id AS uid FROM t, u;
CREATE VIEW v AS SELECT x FROM t, u GROUP BY id;
