-- expect-error
CREATE TABLE t (a PRIMARY KEY, b, PRIMARY KEY (b));
