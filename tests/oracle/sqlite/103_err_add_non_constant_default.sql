-- expect-error
CREATE TABLE t (a);
INSERT INTO t VALUES (1);
ALTER TABLE t ADD COLUMN c DEFAULT (random());
