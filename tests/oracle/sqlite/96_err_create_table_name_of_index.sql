-- expect-error
CREATE TABLE t (a);
CREATE INDEX i ON t (a);
CREATE TABLE i (b);
