-- expect-error
CREATE TABLE t (a);
CREATE TABLE t (b);
