-- expect-error: cannot drop inherited column "at"
-- A partition's columns belong to its partitioned table.
CREATE TABLE readings (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE readings_2024 DROP COLUMN at;
