-- Renaming a column carries into the trigger bodies that use it.
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, m INTEGER);
CREATE TABLE log (n INTEGER);
CREATE TRIGGER t_upd AFTER UPDATE OF n ON t BEGIN INSERT INTO log (n) VALUES (new.n); UPDATE t SET m = n WHERE id = old.id; END;
ALTER TABLE t RENAME COLUMN n TO amount;
