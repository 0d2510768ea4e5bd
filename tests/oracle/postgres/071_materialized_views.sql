-- CREATE MATERIALIZED VIEW [WITH NO DATA], indexes on it, REFRESH.
CREATE TABLE downloads (crate_id integer, day date, n bigint);
CREATE MATERIALIZED VIEW recent AS
    SELECT crate_id, sum(n) AS downloads FROM downloads
    WHERE day > CURRENT_DATE - 90 GROUP BY crate_id;
CREATE UNIQUE INDEX recent_crate ON recent (crate_id);
CREATE INDEX recent_downloads ON recent (downloads DESC);
CREATE MATERIALIZED VIEW IF NOT EXISTS empty_one AS SELECT 1 AS one WITH NO DATA;
REFRESH MATERIALIZED VIEW recent;
