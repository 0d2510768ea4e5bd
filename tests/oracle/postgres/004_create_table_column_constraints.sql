-- Column constraints written inline: PRIMARY KEY, UNIQUE, CHECK, REFERENCES with actions,
-- NOT NULL and DEFAULT in any order.
CREATE TABLE authors (
    id serial PRIMARY KEY,
    email text UNIQUE NOT NULL,
    age integer CHECK (age >= 0) DEFAULT 0
);
CREATE TABLE books (
    id integer NOT NULL PRIMARY KEY,
    author_id integer NOT NULL REFERENCES authors,
    editor_id integer REFERENCES authors (id) ON DELETE SET NULL ON UPDATE CASCADE,
    isbn varchar(13) UNIQUE,
    pages integer NOT NULL CHECK (pages > 0) CHECK (pages < 100000)
);
