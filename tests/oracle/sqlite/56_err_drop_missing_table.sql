-- expect-error
CREATE TABLE t (a);
DROP TABLE u;
