-- expect-error
CREATE TABLE t (a, b);
ALTER TABLE t RENAME COLUMN a TO b;
