-- CREATE TYPE AS ENUM; enum columns, enum defaults, enum arrays, enums in another schema.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE empty_enum AS ENUM ();
CREATE SCHEMA app;
CREATE TYPE app.state AS ENUM ('new', 'done');
CREATE TABLE people (
    id integer PRIMARY KEY,
    current mood NOT NULL DEFAULT 'ok',
    history mood[] DEFAULT '{}',
    state app.state DEFAULT 'new'::app.state
);
