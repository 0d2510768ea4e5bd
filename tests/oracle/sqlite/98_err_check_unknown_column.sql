-- expect-error
CREATE TABLE t (a INTEGER, CHECK (b > 0));
