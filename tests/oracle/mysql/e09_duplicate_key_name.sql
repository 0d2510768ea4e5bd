-- expect-error
CREATE TABLE a (x INT, y INT, KEY k (x), KEY k (y));
