-- expect-error
CREATE TABLE t (a);
INSERT INTO t2 VALUES (1);
