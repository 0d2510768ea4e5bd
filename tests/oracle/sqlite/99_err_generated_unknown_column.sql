-- expect-error
CREATE TABLE t (a INTEGER, c AS (a + zz));
