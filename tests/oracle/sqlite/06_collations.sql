-- Declared collations flow into automatic and explicit indexes.
CREATE TABLE u (
  name TEXT COLLATE NOCASE NOT NULL UNIQUE,
  code TEXT COLLATE RTRIM,
  plain TEXT
);
CREATE INDEX u_code ON u (code);
CREATE INDEX u_plain ON u (plain COLLATE NOCASE DESC, name);
