-- Type text is kept exactly, including inner spaces and parentheses.
CREATE TABLE s (
  a varchar( 10 ),
  b "my type",
  c CHAR(36),
  d timestamp with time zone,
  e DOUBLE   PRECISION,
  f bigserial not null,
  g DECIMAL (10, 2)
);
