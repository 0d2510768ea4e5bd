-- expect-error
CREATE TABLE t (a);
DROP INDEX i;
