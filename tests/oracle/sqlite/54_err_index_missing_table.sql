-- expect-error
CREATE TABLE t (a);
CREATE INDEX i ON nope (a);
