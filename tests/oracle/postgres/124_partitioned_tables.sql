-- Partitioned tables (PARTITION BY RANGE / LIST / HASH) and their partitions: columns,
-- defaults, checks, keys and indexes the partitions take from the parent, indexes created
-- on the parent later, and columns added, renamed and retyped through the parent.
CREATE TABLE measurements (
    id bigserial,
    at date NOT NULL,
    value numeric DEFAULT 0 CHECK (value >= 0),
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX measurements_value_idx ON measurements (value);
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE measurements ADD COLUMN note text;
ALTER TABLE measurements RENAME COLUMN value TO reading;
ALTER TABLE measurements ALTER COLUMN note TYPE varchar(200);
CREATE INDEX ON measurements (lower(note)) WHERE note IS NOT NULL;
CREATE INDEX measurements_2024_at ON measurements_2024 (at);
CREATE TABLE events (kind text NOT NULL, payload jsonb, UNIQUE (kind, payload)) PARTITION BY LIST (kind);
CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click');
CREATE TABLE events_other PARTITION OF events DEFAULT;
CREATE TABLE buckets (id int NOT NULL) PARTITION BY HASH (id);
CREATE TABLE buckets_0 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE buckets_1 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 1);
DROP TABLE buckets;
