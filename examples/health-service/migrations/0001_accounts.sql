CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    display_name varchar(80),
    created_at timestamptz NOT NULL DEFAULT now()
);
