-- A composite key: pk positions follow the key, not the column order.
CREATE TABLE m (
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  c INTEGER,
  PRIMARY KEY (b, a)
);
