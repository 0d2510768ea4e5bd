-- CREATE TABLE ... AS SELECT: output names and types (a string literal becomes text), WITH NO DATA,
-- IF NOT EXISTS; the new table has no keys, defaults or NOT NULL of its own.
CREATE TABLE base (id integer PRIMARY KEY, name varchar(40) NOT NULL DEFAULT 'n', n integer, at timestamptz);
CREATE TABLE snapshot AS SELECT id, name, n * 2 AS twice, at FROM base;
CREATE TABLE renamed AS SELECT id AS key, name AS label FROM base WITH NO DATA;
CREATE TABLE IF NOT EXISTS snapshot AS SELECT 1 AS one;
CREATE TABLE joined AS SELECT b.id, s.twice, upper(b.name) AS shout, 'x' AS tag FROM base b JOIN snapshot s ON s.id = b.id WHERE b.n > 0;
