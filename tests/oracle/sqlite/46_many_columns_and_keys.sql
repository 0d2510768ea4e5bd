-- Several unique keys over the same columns in different orders and collations.
CREATE TABLE k (
  a TEXT, b TEXT, c TEXT,
  UNIQUE (a, b),
  UNIQUE (a COLLATE NOCASE, b),
  UNIQUE (b, a),
  UNIQUE (a, b),
  PRIMARY KEY (c)
);
CREATE UNIQUE INDEX k_ab ON k (a, b);
