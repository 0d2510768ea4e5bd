-- expect-error
CREATE TABLE a (x INT);
CREATE TABLE b (x INT DEFAULT 'abc');
