-- Array columns in their different spellings.
CREATE TABLE arrays (
    tags text[],
    matrix integer[][],
    sized varchar(20)[3],
    spelled integer ARRAY,
    spelled_sized integer ARRAY[4],
    stamps timestamptz[] NOT NULL DEFAULT '{}',
    names text[] DEFAULT ARRAY[]::text[]
);
