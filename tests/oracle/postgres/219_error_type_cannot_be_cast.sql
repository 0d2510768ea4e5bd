-- expect-error: column "a" cannot be cast automatically to type integer
-- ALTER COLUMN TYPE from text to integer needs a USING clause.
CREATE TABLE t (a text);
ALTER TABLE t ALTER COLUMN a TYPE integer;
