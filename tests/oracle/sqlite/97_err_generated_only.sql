-- expect-error
CREATE TABLE g (a AS (1), b AS (2) STORED);
