-- Qualified names in a table's own CHECK follow a rename.
CREATE TABLE t (a INTEGER CHECK (t.a > 0), b INTEGER, CHECK (t.b <> t.a));
ALTER TABLE t RENAME TO u;
