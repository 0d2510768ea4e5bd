-- Boolean, NULL, uuid, JSON, array, bytea and function-call defaults.
CREATE SEQUENCE counter_seq;
CREATE TABLE misc (
    t boolean DEFAULT true,
    f boolean DEFAULT FALSE,
    b2 boolean DEFAULT 't',
    nothing text DEFAULT NULL,
    u uuid DEFAULT gen_random_uuid(),
    u2 uuid DEFAULT '00000000-0000-0000-0000-000000000000',
    js json DEFAULT '{}',
    jb jsonb DEFAULT '{"a": [1, 2]}'::jsonb,
    jb2 jsonb NOT NULL DEFAULT '[]',
    arr text[] DEFAULT '{}',
    arr2 integer[] DEFAULT ARRAY[1, 2, 3],
    arr3 text[] DEFAULT ARRAY[]::text[],
    bin bytea DEFAULT '\x00ff',
    seq bigint DEFAULT nextval('counter_seq'),
    r double precision DEFAULT random(),
    s text DEFAULT md5('x'),
    usr text DEFAULT CURRENT_USER
);
