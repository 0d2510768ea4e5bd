-- expect-error: relation "t" already exists
-- CREATE TABLE of a name that is taken.
CREATE TABLE t (id integer);
CREATE TABLE IF NOT EXISTS t (id integer);
CREATE TABLE t (other text);
