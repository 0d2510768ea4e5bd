CREATE TABLE t (a TEXT, b BLOB, KEY (a), KEY (b));
