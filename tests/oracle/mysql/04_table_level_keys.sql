CREATE TABLE t (
  a INT NOT NULL, b INT NOT NULL, c INT, d VARCHAR(20),
  PRIMARY KEY (a, b),
  UNIQUE KEY (c), UNIQUE (c, d), UNIQUE INDEX named_u (d),
  KEY (d), INDEX (c), KEY `k with space` (a, c),
  CONSTRAINT cu UNIQUE (b, c)
);
