CREATE TABLE t (a INT, b INT AS (a + 1) VIRTUAL, c INT GENERATED ALWAYS AS (a * 2 + 1) STORED,
  d VARCHAR(20) AS (concat('x', a)));
