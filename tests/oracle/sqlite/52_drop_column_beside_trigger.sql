-- A trigger that does not use the dropped column does not stop DROP COLUMN.
CREATE TABLE t (a, b);
CREATE TABLE l (a);
CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO l (a) VALUES (new.b); END;
ALTER TABLE t DROP COLUMN a;
