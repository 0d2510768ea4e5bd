-- expect-error: column "a" specified more than once
-- CREATE TABLE naming one column twice.
CREATE TABLE t (a integer, b text, a text);
