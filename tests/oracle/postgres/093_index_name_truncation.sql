-- Generated index names over long and many columns, truncated to 63 bytes, with
-- collision suffixes after truncation.
CREATE TABLE events_with_long_table_name_for_index_naming (
    first_rather_long_column_name integer,
    second_rather_long_column_name integer,
    third_rather_long_column_name integer
);
CREATE INDEX ON events_with_long_table_name_for_index_naming (first_rather_long_column_name, second_rather_long_column_name, third_rather_long_column_name);
CREATE INDEX ON events_with_long_table_name_for_index_naming (first_rather_long_column_name, second_rather_long_column_name, third_rather_long_column_name);
CREATE INDEX ON events_with_long_table_name_for_index_naming (first_rather_long_column_name, second_rather_long_column_name, third_rather_long_column_name);
