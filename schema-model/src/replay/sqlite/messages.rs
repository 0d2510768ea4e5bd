//! SQLite's own error messages, word for word, for the statements the replay rejects.

pub fn syntax_error_near(token: &str) -> String {
    format!("near \"{token}\": syntax error")
}

pub fn incomplete_input() -> String {
    "incomplete input".to_string()
}

pub fn no_such_table(name: &str) -> String {
    format!("no such table: {name}")
}

pub fn no_such_index(name: &str) -> String {
    format!("no such index: {name}")
}

pub fn no_such_view(name: &str) -> String {
    format!("no such view: {name}")
}

pub fn no_such_trigger(name: &str) -> String {
    format!("no such trigger: {name}")
}

/// `ALTER TABLE ... RENAME COLUMN` / `DROP COLUMN` name the column as written, in quotes.
pub fn no_such_column_quoted(written: &str) -> String {
    format!("no such column: \"{written}\"")
}

pub fn no_such_column(name: &str) -> String {
    format!("no such column: {name}")
}

/// `what` is `table`, `view`, `index` or `trigger`; `written` is the name as written.
pub fn already_exists(what: &str, written: &str) -> String {
    format!("{what} {written} already exists")
}

pub fn already_a_table_named(name: &str) -> String {
    format!("there is already a table named {name}")
}

pub fn already_an_index_named(name: &str) -> String {
    format!("there is already an index named {name}")
}

pub fn another_table_or_index(name: &str) -> String {
    format!("there is already another table or index with this name: {name}")
}

pub fn reserved_name(name: &str) -> String {
    format!("object name reserved for internal use: {name}")
}

pub fn duplicate_column(name: &str) -> String {
    format!("duplicate column name: {name}")
}

pub fn more_than_one_primary_key(table: &str) -> String {
    format!("table \"{table}\" has more than one primary key")
}

pub fn autoincrement_not_integer_pk() -> String {
    "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY".to_string()
}

pub fn autoincrement_without_rowid() -> String {
    "AUTOINCREMENT not allowed on WITHOUT ROWID tables".to_string()
}

pub fn primary_key_missing(table: &str) -> String {
    format!("PRIMARY KEY missing on table {table}")
}

pub fn expressions_prohibited() -> String {
    "expressions prohibited in PRIMARY KEY and UNIQUE constraints".to_string()
}

pub fn fk_single_column(column: &str, table: &str) -> String {
    format!("foreign key on {column} should reference only one column of table {table}")
}

pub fn fk_column_count() -> String {
    "number of columns in foreign key does not match the number of columns in the referenced table"
        .to_string()
}

pub fn fk_unknown_column(column: &str) -> String {
    format!("unknown column \"{column}\" in foreign key definition")
}

pub fn strict_missing_type(table: &str, column: &str) -> String {
    format!("missing datatype for {table}.{column}")
}

pub fn strict_unknown_type(table: &str, column: &str, declared: &str) -> String {
    format!("unknown datatype for {table}.{column}: \"{declared}\"")
}

pub fn no_non_generated_column() -> String {
    "must have at least one non-generated column".to_string()
}

pub fn use_drop_view(name: &str) -> String {
    format!("use DROP VIEW to delete view {name}")
}

pub fn use_drop_table(name: &str) -> String {
    format!("use DROP TABLE to delete table {name}")
}

pub fn cannot_add_primary_key() -> String {
    "Cannot add a PRIMARY KEY column".to_string()
}

pub fn cannot_add_unique() -> String {
    "Cannot add a UNIQUE column".to_string()
}

pub fn cannot_add_not_null_without_default() -> String {
    "Cannot add a NOT NULL column with default value NULL".to_string()
}

pub fn cannot_add_non_constant_default() -> String {
    "Cannot add a column with non-constant default".to_string()
}

pub fn cannot_add_references_with_default() -> String {
    "Cannot add a REFERENCES column with non-NULL default value".to_string()
}

pub fn cannot_add_stored() -> String {
    "cannot add a STORED column".to_string()
}

pub fn cannot_add_column_to_view() -> String {
    "Cannot add a column to a view".to_string()
}

pub fn view_may_not_be_altered(name: &str) -> String {
    format!("view {name} may not be altered")
}

pub fn table_may_not_be_altered(name: &str) -> String {
    format!("table {name} may not be altered")
}

pub fn cannot_drop_pk_column(column: &str) -> String {
    format!("cannot drop PRIMARY KEY column: \"{column}\"")
}

pub fn cannot_drop_unique_column(column: &str) -> String {
    format!("cannot drop UNIQUE column: \"{column}\"")
}

pub fn cannot_drop_last_column(column: &str) -> String {
    format!("cannot drop column \"{column}\": no other columns exist")
}

/// The error SQLite reports when re-reading the schema after an ALTER fails: `what` is
/// `table`, `index`, `view` or `trigger`, `after` is `rename` or `drop column`.
pub fn error_after(what: &str, name: &str, after: &str, inner: &str) -> String {
    format!("error in {what} {name} after {after}: {inner}")
}

pub fn views_may_not_be_indexed() -> String {
    "views may not be indexed".to_string()
}

pub fn cannot_drop_auto_index() -> String {
    "index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped".to_string()
}
