-- A view may name a table that does not exist (yet).
CREATE VIEW later AS SELECT x FROM not_yet;
CREATE TABLE not_yet (x INTEGER);
