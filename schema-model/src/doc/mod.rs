//! Schema documentation generated from a replayed catalog: one Markdown page per track with
//! every table (columns, types, nullability, defaults, keys, indexes, foreign keys, where each
//! was defined) and a Mermaid ER diagram of the tables and their foreign keys.
//!
//! The output is deterministic (tables in name order, columns in the engine's order), so a
//! committed page can be compared with a fresh one to find stale docs.

mod markdown;
mod mermaid;

pub use markdown::render_track_page;
pub use mermaid::er_diagram;
