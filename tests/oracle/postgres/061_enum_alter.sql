-- ALTER TYPE ADD VALUE [IF NOT EXISTS] [BEFORE | AFTER], RENAME VALUE.
CREATE TYPE status AS ENUM ('open', 'closed');
ALTER TYPE status ADD VALUE 'archived';
ALTER TYPE status ADD VALUE 'draft' BEFORE 'open';
ALTER TYPE status ADD VALUE 'review' AFTER 'open';
ALTER TYPE status ADD VALUE IF NOT EXISTS 'open';
ALTER TYPE status RENAME VALUE 'closed' TO 'done';
CREATE TABLE tickets (id integer, status status DEFAULT 'open');
