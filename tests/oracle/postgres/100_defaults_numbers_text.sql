-- Defaults of numeric and character types, as Postgres prints them back.
CREATE TABLE d (
    i integer DEFAULT 0,
    neg integer DEFAULT -1,
    big bigint DEFAULT 9000000000,
    small smallint DEFAULT 3,
    num numeric DEFAULT 1.50,
    num_ps numeric(10, 2) DEFAULT 2,
    r real DEFAULT 1.5,
    dp double precision DEFAULT 0.1,
    sci double precision DEFAULT 1e10,
    t text DEFAULT 'abc',
    empty text DEFAULT '',
    quote text DEFAULT 'it''s',
    escaped text DEFAULT E'line\nbreak',
    vc varchar(10) DEFAULT 'x',
    ch char(2) DEFAULT 'ab',
    cast_text text DEFAULT 'a'::text,
    int_from_text integer DEFAULT '42',
    num_from_int numeric DEFAULT 7
);
