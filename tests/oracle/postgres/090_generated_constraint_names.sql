-- Names Postgres generates for unnamed constraints: <table>_pkey, <table>_<cols>_key,
-- <table>_<cols>_fkey, <table>_<col>_check, <table>_check for table checks over several
-- columns (or none).
CREATE TABLE parent (id integer PRIMARY KEY, a integer, b integer, UNIQUE (a, b));
CREATE TABLE child (
    id integer,
    parent_id integer REFERENCES parent,
    a integer,
    b integer,
    c integer CHECK (c > 0),
    UNIQUE (id),
    FOREIGN KEY (a, b) REFERENCES parent (a, b),
    CHECK (a < b),
    CHECK (true),
    PRIMARY KEY (id, a)
);
