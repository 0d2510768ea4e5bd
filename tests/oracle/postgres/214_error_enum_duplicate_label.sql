-- expect-error: enum label "b" already exists
-- ALTER TYPE ADD VALUE without IF NOT EXISTS of an existing label.
CREATE TYPE e AS ENUM ('a', 'b');
ALTER TYPE e ADD VALUE IF NOT EXISTS 'b';
ALTER TYPE e ADD VALUE 'b';
