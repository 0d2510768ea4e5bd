-- Renaming a table carries into triggers and views that use it.
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);
CREATE TABLE log (msg TEXT);
CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN INSERT INTO log SELECT n FROM t WHERE id = new.id; END;
CREATE VIEW tv AS SELECT id, n FROM t;
ALTER TABLE t RENAME TO t2;
