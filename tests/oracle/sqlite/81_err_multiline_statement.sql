-- expect-error
CREATE TABLE t (
  a TEXT,
  b TEXT
);
ALTER TABLE t
  ADD COLUMN
  a INTEGER;
