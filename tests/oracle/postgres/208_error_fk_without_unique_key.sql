-- expect-error: there is no unique constraint matching given keys for referenced table "p"
-- A foreign key must reference a primary key or unique constraint of the parent.
CREATE TABLE p (id integer PRIMARY KEY, code text);
CREATE TABLE c (p_id integer REFERENCES p (id));
CREATE TABLE d (p_code text REFERENCES p (code));
