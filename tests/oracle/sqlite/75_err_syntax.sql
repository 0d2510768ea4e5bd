-- expect-error
CREATE TABLE t (a TEXT,);
