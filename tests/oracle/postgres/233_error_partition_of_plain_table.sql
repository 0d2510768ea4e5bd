-- expect-error: "plain" is not partitioned
CREATE TABLE plain (id bigint);
CREATE TABLE plain_part PARTITION OF plain FOR VALUES IN (1);
