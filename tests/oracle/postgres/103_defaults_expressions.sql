-- Default expressions: arithmetic, casts in both spellings, CASE, string functions,
-- parenthesised values.
CREATE TABLE ex (
    a integer DEFAULT (1 + 2),
    b integer DEFAULT 2 * 3,
    c bigint DEFAULT CAST(5 AS bigint),
    d text DEFAULT lower('ABC'),
    e text DEFAULT 'a' || 'b',
    f integer DEFAULT (-5),
    g numeric DEFAULT 10 / 4,
    h text DEFAULT CASE WHEN true THEN 'y' ELSE 'n' END,
    i varchar(5) DEFAULT ('xy'),
    j integer DEFAULT length('four'),
    k text DEFAULT upper(substr('hello', 1, 2)),
    l integer DEFAULT 7::smallint
);
