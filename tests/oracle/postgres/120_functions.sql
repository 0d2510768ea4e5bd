-- CREATE [OR REPLACE] FUNCTION in SQL and PL/pgSQL, procedures, DROP FUNCTION; functions
-- are listed by signature.
CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;
CREATE OR REPLACE FUNCTION add(a integer, b integer) RETURNS integer AS 'SELECT a + b' LANGUAGE sql;
CREATE FUNCTION canon(text) RETURNS text AS $$
    SELECT replace(lower($1), '-', '_')
$$ LANGUAGE sql STRICT;
CREATE FUNCTION touch() RETURNS trigger AS $body$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$body$ LANGUAGE plpgsql;
CREATE FUNCTION pairs(n integer) RETURNS TABLE(i integer, sq bigint) LANGUAGE sql AS $$ SELECT g, g * g FROM generate_series(1, n) g $$;
CREATE FUNCTION with_default(x integer DEFAULT 1, VARIADIC rest text[] DEFAULT '{}') RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE PROCEDURE cleanup(days integer) LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION gone() RETURNS integer LANGUAGE sql AS 'SELECT 1';
DROP FUNCTION gone();
DROP FUNCTION IF EXISTS never_there(integer);
CREATE PROCEDURE tally(IN n integer, OUT total bigint) LANGUAGE sql AS $$ SELECT n::bigint $$;
CREATE OR REPLACE PROCEDURE gone_proc() LANGUAGE plpgsql AS $$ BEGIN END $$;
DROP PROCEDURE gone_proc();
DROP PROCEDURE IF EXISTS never_there_proc(integer);
