-- Every referential action and match type, spelled inline and at table level, and
-- self-references.
CREATE TABLE p (id integer PRIMARY KEY, a integer, b integer, UNIQUE (a, b));
CREATE TABLE c (
    r1 integer REFERENCES p ON DELETE NO ACTION,
    r2 integer REFERENCES p ON DELETE RESTRICT ON UPDATE RESTRICT,
    r3 integer REFERENCES p ON DELETE CASCADE ON UPDATE CASCADE,
    r4 integer REFERENCES p ON DELETE SET NULL,
    r5 integer DEFAULT 0 REFERENCES p ON DELETE SET DEFAULT ON UPDATE SET NULL,
    a integer,
    b integer,
    FOREIGN KEY (a, b) REFERENCES p (a, b) MATCH SIMPLE,
    CONSTRAINT c_full FOREIGN KEY (b, a) REFERENCES p (a, b) MATCH FULL ON DELETE SET NULL (a),
    self integer,
    id integer UNIQUE,
    FOREIGN KEY (self) REFERENCES c (id) DEFERRABLE INITIALLY IMMEDIATE
);
