-- Comments between definitions go with the dropped column.
CREATE TABLE t (
  a INTEGER, -- first
  b TEXT,    -- second
  /* block */ c REAL,
  d BLOB     -- last
);
ALTER TABLE t DROP COLUMN b;
ALTER TABLE t DROP COLUMN d;
