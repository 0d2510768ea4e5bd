-- expect-error: identity column type must be smallint, integer, or bigint
-- Identity columns must have an integer type.
CREATE TABLE t (id text GENERATED ALWAYS AS IDENTITY);
