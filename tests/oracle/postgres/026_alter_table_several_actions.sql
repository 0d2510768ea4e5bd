-- Several actions in one ALTER TABLE statement, applied in order.
CREATE TABLE s (id integer, a text, b integer, c text);
ALTER TABLE s
    ADD COLUMN d timestamptz DEFAULT now(),
    DROP COLUMN c,
    ALTER COLUMN a SET NOT NULL,
    ALTER COLUMN b TYPE bigint,
    ALTER COLUMN b SET DEFAULT 7,
    ADD PRIMARY KEY (id),
    ADD CONSTRAINT s_a_unique UNIQUE (a),
    ADD CHECK (b > 0);
