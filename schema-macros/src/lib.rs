//! Proc macros that check Rust code against every schema track's replayed model.
