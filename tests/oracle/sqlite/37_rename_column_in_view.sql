-- Renaming a column carries into views that read it.
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);
CREATE VIEW tv AS SELECT id, n FROM t;
ALTER TABLE t RENAME COLUMN n TO amount;
