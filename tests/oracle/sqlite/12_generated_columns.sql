-- Generated columns are hidden 2 (virtual) or 3 (stored) and have no default.
CREATE TABLE g (
  a INTEGER,
  b INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL,
  c TEXT AS (upper(d)) STORED,
  d TEXT,
  e INTEGER GENERATED ALWAYS AS (a + 1)
);
