-- COMMENT ON TABLE / COLUMN / VIEW / INDEX / CONSTRAINT, replacing and removing comments.
CREATE TABLE c (id integer PRIMARY KEY, name text, note text);
CREATE VIEW cv AS SELECT id FROM c;
COMMENT ON TABLE c IS 'Customers';
COMMENT ON COLUMN c.name IS 'Full name, as typed';
COMMENT ON COLUMN c.note IS 'temporary';
COMMENT ON COLUMN c.note IS NULL;
COMMENT ON TABLE c IS 'Customers (it''s a table)';
COMMENT ON VIEW cv IS 'ids';
COMMENT ON INDEX c_pkey IS 'primary';
COMMENT ON CONSTRAINT c_pkey ON c IS 'pk';
