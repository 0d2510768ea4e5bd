//! A notes service whose rows are checked at compile time against a Postgres track and a
//! SQLite track, each with its own migration list. No database is needed to build or run it.

use chrono::{DateTime, Utc};
use schema_macros::{column, table};

/// A user account. Filled by the database driver, which this example leaves out.
#[table("users")]
#[derive(Debug)]
#[allow(dead_code)]
struct User {
    id: i64,
    email: String,
    display_name: Option<String>,
    created_at: DateTime<Utc>,
}

/// A note. Filled by the database driver, which this example leaves out.
#[table("notes")]
#[derive(Debug)]
#[allow(dead_code)]
struct Note {
    id: i64,
    user_id: i64,
    title: String,
    body: String,
    pinned: bool,
    updated_at: DateTime<Utc>,
}

/// What creating a note inserts.
#[table("notes", insert)]
#[allow(dead_code)]
struct NewNote {
    user_id: i64,
    title: String,
}

fn main() {
    println!("Checked at compile time against tracks `postgres` and `sqlite`:\n");
    for (table, columns) in [(User::TABLE, User::COLUMNS), (Note::TABLE, Note::COLUMNS), (NewNote::TABLE, NewNote::COLUMNS)] {
        println!("  {table} ({})", columns.join(", "));
    }
    println!(
        "\n  SELECT {} FROM {} WHERE {} = ? ORDER BY {} DESC",
        Note::COLUMNS.join(", "),
        Note::TABLE,
        column!(notes.user_id),
        column!(notes.updated_at)
    );
}
