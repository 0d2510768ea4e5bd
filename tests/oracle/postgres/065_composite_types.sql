-- CREATE TYPE AS (composite), a column of a composite type, ALTER TYPE ADD ATTRIBUTE.
CREATE TYPE semver AS (major numeric, minor numeric, patch numeric);
CREATE TYPE address AS (street text, city varchar(80), zip char(5));
CREATE TABLE releases (id integer, version semver, ship_to address);
ALTER TYPE address ADD ATTRIBUTE country text;
ALTER TYPE semver RENAME ATTRIBUTE patch TO teeny;
