-- expect-error
CREATE TABLE a (x INT);
ALTER TABLE a ADD COLUMN;
