-- serial, bigserial, smallserial (and serial4 / serial8 / serial2) create owned sequences
-- of the matching type and nextval defaults.
CREATE TABLE s (
    a serial,
    b bigserial PRIMARY KEY,
    c smallserial,
    d serial4,
    e serial8,
    f serial2
);
CREATE TABLE "Quoted Name" ("Id" serial);
