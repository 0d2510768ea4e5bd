-- expect-error: schema "nope" does not exist
-- CREATE TABLE in a schema that does not exist.
CREATE TABLE public.ok (id integer);
CREATE TABLE nope.t (id integer);
