-- expect-error
CREATE TABLE a (x INT);
ALTER TABLE nope ADD COLUMN y INT;
