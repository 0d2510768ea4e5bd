-- CREATE DOMAIN with NOT NULL, DEFAULT and named / unnamed CHECK constraints; columns of
-- domain types.
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE DOMAIN email AS text NOT NULL CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');
CREATE DOMAIN short_code varchar(8) DEFAULT 'none' CHECK (char_length(VALUE) >= 2) CHECK (VALUE = upper(VALUE));
CREATE TABLE contacts (id positive_int PRIMARY KEY, address email, code short_code);
