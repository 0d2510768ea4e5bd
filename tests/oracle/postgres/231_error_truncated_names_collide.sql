-- expect-error: column "a_column_name_long_enough_that_truncation_to_63_bytes_makes_it_" specified more than once
-- Two column names that differ only after 63 bytes are the same name once truncated.
CREATE TABLE t (
    a_column_name_long_enough_that_truncation_to_63_bytes_makes_it_collide_1 integer,
    a_column_name_long_enough_that_truncation_to_63_bytes_makes_it_collide_2 integer
);
