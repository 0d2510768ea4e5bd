-- expect-error
CREATE TABLE a (x INT, KEY (x));
ALTER TABLE a DROP INDEX nope;
