-- Expression indexes: functions, operators, casts, several keys mixing columns and
-- expressions.
CREATE TABLE p (id integer, name varchar(100), first text, last text, data jsonb, n integer);
CREATE UNIQUE INDEX p_lower_name ON p (lower(name));
CREATE INDEX p_full ON p ((first || ' ' || last));
CREATE INDEX p_mixed ON p (id, lower(first), (n + 1));
CREATE INDEX p_data_kind ON p ((data ->> 'kind'));
CREATE INDEX p_cast ON p ((n::text));
CREATE INDEX p_coalesce ON p (coalesce(last, first));
