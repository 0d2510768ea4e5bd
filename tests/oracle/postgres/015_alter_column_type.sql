-- ALTER COLUMN [SET DATA] TYPE, with and without USING; dependent indexes, defaults and
-- checks are rebuilt with the new type.
CREATE TABLE m (
    id integer PRIMARY KEY,
    code varchar(10) DEFAULT 'x',
    amount integer CHECK (amount > 0),
    flag text,
    ts timestamp
);
CREATE INDEX m_code ON m (code);
ALTER TABLE m ALTER COLUMN id TYPE bigint;
ALTER TABLE m ALTER COLUMN code TYPE text;
ALTER TABLE m ALTER amount SET DATA TYPE numeric(12, 2);
ALTER TABLE m ALTER COLUMN flag TYPE boolean USING flag::boolean;
ALTER TABLE m ALTER COLUMN ts TYPE timestamptz USING ts AT TIME ZONE 'UTC';
