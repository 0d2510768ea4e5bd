-- Identifiers longer than 63 bytes are truncated (with a notice); generated names are cut
-- to fit 63 bytes by shortening the table and column parts.
CREATE TABLE a_table_name_that_is_really_quite_long_and_goes_past_the_limit_of_63_bytes (id integer);
CREATE TABLE table_with_a_rather_long_name_for_constraints (
    identifier_column_with_a_very_long_name_indeed integer PRIMARY KEY,
    another_column_with_a_rather_long_name_as_well text UNIQUE,
    yet_another_column_that_has_a_long_name integer CHECK (yet_another_column_that_has_a_long_name > 0)
);
CREATE INDEX ON table_with_a_rather_long_name_for_constraints (another_column_with_a_rather_long_name_as_well, yet_another_column_that_has_a_long_name);
CREATE TABLE short (x_column_name_that_is_long_enough_1_to_need_truncation_when_combined integer UNIQUE, x_column_name_that_is_long_enough_2_to_need_truncation_when_combined integer UNIQUE);
CREATE TABLE "ünïcödé_tåblé_with_multibyte_characters_that_goes_past_sixty_three_bytes" (id serial PRIMARY KEY);
