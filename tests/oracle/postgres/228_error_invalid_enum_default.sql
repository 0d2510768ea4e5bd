-- expect-error: invalid input value for enum mood: "angry"
-- A default that is not a label of the enum.
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE t (m mood DEFAULT 'angry');
