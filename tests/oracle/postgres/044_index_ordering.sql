-- Key ordering options: ASC, DESC, NULLS FIRST / LAST.
CREATE TABLE o (a integer, b integer, c text);
CREATE INDEX o_desc ON o (a DESC);
CREATE INDEX o_mixed ON o (a DESC, b ASC, c);
CREATE INDEX o_nulls ON o (a NULLS FIRST, b DESC NULLS LAST, c ASC NULLS LAST, a DESC NULLS FIRST);
