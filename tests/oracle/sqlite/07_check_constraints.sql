-- CHECK constraints, named and unnamed, column and table level.
CREATE TABLE c (
  qty INTEGER CHECK (qty >= 0),
  price REAL CONSTRAINT positive_price CHECK (price > 0),
  kind TEXT NOT NULL,
  CHECK (kind IN ('a', 'b')),
  CONSTRAINT qty_price CHECK (qty * price < 1000000)
);
