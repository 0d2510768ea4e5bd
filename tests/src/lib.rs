//! Shared helpers for the workspace-level tests: locating the corpus, comparing JSON
//! catalogs, starting throwaway real engines and applying migrations to them.

pub mod cli;
pub mod corpus;
pub mod fix_round_trip;
pub mod json_diff;
pub mod mariadb;
pub mod mariadb_introspect;
pub mod pg;
pub mod pg_apply;
pub mod sqlite_engine;
