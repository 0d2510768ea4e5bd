-- ALTER TYPE RENAME TO (column types and defaults follow), DROP TYPE [IF EXISTS],
-- ALTER TYPE SET SCHEMA.
CREATE TYPE color AS ENUM ('red', 'green');
CREATE TYPE unused AS ENUM ('x');
CREATE TYPE moved AS ENUM ('a', 'b');
CREATE SCHEMA lib;
CREATE TABLE paint (c color DEFAULT 'red', m moved);
ALTER TYPE color RENAME TO colour;
ALTER TYPE moved SET SCHEMA lib;
DROP TYPE unused;
DROP TYPE IF EXISTS never_defined;
