-- expect-error
CREATE TABLE t (a);
CREATE INDEX t ON t (a);
