-- expect-error
CREATE TABLE t (a INTEGER, b) STRICT;
