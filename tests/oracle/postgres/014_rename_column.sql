-- ALTER TABLE RENAME [COLUMN]: definitions of indexes, checks, foreign keys and defaults
-- that mention the column follow the new name; generated constraint names do not change.
CREATE TABLE accounts (
    id serial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    balance integer CHECK (balance >= 0)
);
CREATE TABLE payments (
    id integer PRIMARY KEY,
    account integer REFERENCES accounts (id),
    amount integer DEFAULT 1
);
CREATE INDEX accounts_lower_email ON accounts (lower(email));
ALTER TABLE accounts RENAME COLUMN email TO address;
ALTER TABLE accounts RENAME balance TO credit;
ALTER TABLE accounts RENAME COLUMN id TO account_id;
ALTER TABLE payments RENAME COLUMN account TO account_id;
