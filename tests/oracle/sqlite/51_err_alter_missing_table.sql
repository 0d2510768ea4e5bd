-- expect-error
CREATE TABLE t (a);
ALTER TABLE nope ADD COLUMN x TEXT;
