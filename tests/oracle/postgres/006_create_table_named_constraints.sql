-- Constraints with explicit names, inline and at table level.
CREATE TABLE teams (
    id integer CONSTRAINT teams_id PRIMARY KEY,
    slug text CONSTRAINT teams_slug_unique UNIQUE,
    size integer CONSTRAINT positive_size CHECK (size > 0)
);
CREATE TABLE members (
    team_id integer,
    user_name text,
    CONSTRAINT members_pk PRIMARY KEY (team_id, user_name),
    CONSTRAINT members_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE,
    CONSTRAINT members_name_length CHECK (char_length(user_name) <= 64)
);
