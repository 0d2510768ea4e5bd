-- expect-error
CREATE TABLE t (a);
CREATE TABLE u (b);
ALTER TABLE t RENAME TO u;
