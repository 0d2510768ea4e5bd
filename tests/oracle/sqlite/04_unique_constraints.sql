-- Automatic indexes are numbered in order and an identical one is not created twice.
CREATE TABLE event (
  uuid TEXT NOT NULL PRIMARY KEY,
  code TEXT UNIQUE,
  x INTEGER,
  y INTEGER,
  UNIQUE (uuid),
  UNIQUE (x, y),
  UNIQUE (y, x),
  UNIQUE (code COLLATE NOCASE)
);
CREATE TABLE pair (a UNIQUE PRIMARY KEY, b);
