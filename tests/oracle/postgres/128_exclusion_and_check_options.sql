-- EXCLUDE constraints, CHECK ... NO INHERIT, unique NULLS NOT DISTINCT.
CREATE TABLE bookings (
    room integer,
    during tsrange,
    EXCLUDE USING gist (during WITH &&)
);
CREATE TABLE rules (
    a integer CHECK (a > 0) NO INHERIT,
    b integer,
    CONSTRAINT b_unique UNIQUE NULLS NOT DISTINCT (b)
);
ALTER TABLE bookings ADD CONSTRAINT no_same_room EXCLUDE USING btree (room WITH =) WHERE (room > 0);
