-- expect-error
CREATE TABLE t (a INT, b INT, c INT, UNIQUE (b, c));
ALTER TABLE t DROP COLUMN b;
