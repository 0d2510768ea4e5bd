-- expect-error
CREATE TABLE sqlite_things (a);
