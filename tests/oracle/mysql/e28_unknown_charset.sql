-- expect-error
CREATE TABLE a (x VARCHAR(5) CHARACTER SET klingon);
