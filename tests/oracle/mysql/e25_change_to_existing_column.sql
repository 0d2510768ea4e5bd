-- expect-error
CREATE TABLE a (x INT, y INT);
ALTER TABLE a CHANGE x y INT;
