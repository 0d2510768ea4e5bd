-- expect-error
CREATE TABLE t (a TEXT, b TEXT, a INTEGER);
