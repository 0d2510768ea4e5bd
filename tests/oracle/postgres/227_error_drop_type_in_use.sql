-- expect-error: cannot drop type mood because other objects depend on it
-- DROP TYPE without CASCADE while a column uses the type.
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE t (m mood);
DROP TYPE mood;
