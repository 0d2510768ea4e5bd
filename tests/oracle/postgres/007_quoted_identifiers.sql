-- Quoted identifiers: mixed case, spaces, reserved words, and unquoted names folded to
-- lower case.
CREATE TABLE "User" (
    "ID" integer PRIMARY KEY,
    "order" integer,
    "full name" text,
    MixedCase text,
    "select" boolean DEFAULT false
);
CREATE TABLE "group" ("user" integer REFERENCES "User" ("ID"));
CREATE INDEX "Order Index" ON "User" ("order", "full name");
