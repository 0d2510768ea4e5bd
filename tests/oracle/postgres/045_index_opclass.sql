-- Operator classes and per-key collations.
CREATE TABLE s (name text, code varchar(20), data jsonb, label text);
CREATE INDEX s_name_pattern ON s (name text_pattern_ops);
CREATE INDEX s_code_pattern ON s (code varchar_pattern_ops DESC);
CREATE INDEX s_data_path ON s USING gin (data jsonb_path_ops);
CREATE INDEX s_label_c ON s (label COLLATE "C");
