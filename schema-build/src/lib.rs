//! Build-script side of the schema contract checker: reads the crate's track declaration,
//! replays every track, checks parity between tracks and writes the model for the macros.
//!
//! A crate's `build.rs` is one line: `fn main() { schema_build::run() }`.
//!
//! * [`config`]: the `[package.metadata.schema]` declaration (shared with the CLI).
//! * [`tracks`]: loading each track's migration files.
//! * [`check`]: the whole check of one crate, as plain data.
//! * [`diagnostics`]: rustc-style messages with source lines.
//! * [`run`]: the build script entry point; [`write_model`] writes the model file.

pub mod check;
pub mod config;
pub mod diagnostics;
mod model_file;
mod run;
pub mod tracks;

pub use model_file::{write_model, MODEL_FILE};
pub use run::run;
