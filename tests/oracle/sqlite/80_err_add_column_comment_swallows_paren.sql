-- expect-error
-- SQLite copies the definition up to the semicolon, so a trailing comment hides the ")".
CREATE TABLE users (uuid TEXT NOT NULL PRIMARY KEY);
ALTER TABLE users ADD COLUMN note TEXT -- comment before the semicolon
;
