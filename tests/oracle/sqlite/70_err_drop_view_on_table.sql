-- expect-error
CREATE TABLE t (a);
DROP VIEW t;
