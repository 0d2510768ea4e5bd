//! Migration sources: reading files and folders in the order migration tools apply them,
//! and splitting file text into statements with exact positions.

mod files;
mod split;

pub use files::{load_path, load_paths, order_key, MigrationFile, SourceError};
pub use split::{split_statements, SourceStatement, SplitError};
