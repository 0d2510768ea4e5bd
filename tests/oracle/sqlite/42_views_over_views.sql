-- A view reading another view, and a view whose source table changes later.
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, extra);
CREATE VIEW v1 AS SELECT id, name, extra FROM t;
CREATE VIEW v2 AS SELECT * FROM v1 WHERE id > 1;
CREATE VIEW v3 AS SELECT * FROM t;
ALTER TABLE t ADD COLUMN later INTEGER;
