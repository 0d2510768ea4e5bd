-- Table constraints: composite primary and unique keys, multi-column foreign keys with
-- MATCH FULL, referential actions and deferral, multi-column checks.
CREATE TABLE regions (
    country char(2),
    code text,
    name text NOT NULL,
    PRIMARY KEY (country, code),
    UNIQUE (country, name),
    CHECK (country = upper(country))
);
CREATE TABLE offices (
    id bigint,
    country char(2),
    region text,
    opened date,
    closed date,
    PRIMARY KEY (id),
    FOREIGN KEY (country, region) REFERENCES regions (country, code)
        MATCH FULL ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,
    CHECK (closed IS NULL OR closed > opened),
    UNIQUE (region, country) DEFERRABLE
);
