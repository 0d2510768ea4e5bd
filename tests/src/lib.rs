//! Shared helpers for the workspace-level tests: locating the corpus, comparing JSON
//! catalogs, starting throwaway real engines.

pub mod corpus;
pub mod json_diff;
