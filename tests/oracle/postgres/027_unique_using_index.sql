-- ADD CONSTRAINT ... UNIQUE / PRIMARY KEY USING INDEX turns an index into a constraint,
-- renaming the index after the constraint.
CREATE TABLE u (id integer NOT NULL, code text);
CREATE UNIQUE INDEX u_code_idx ON u (code);
CREATE UNIQUE INDEX u_id_idx ON u (id);
ALTER TABLE u ADD CONSTRAINT u_code_unique UNIQUE USING INDEX u_code_idx;
ALTER TABLE u ADD PRIMARY KEY USING INDEX u_id_idx;
