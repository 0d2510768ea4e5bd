//! Build-script side of the schema contract checker: reads the crate's track declaration,
//! replays every track, checks parity between tracks and writes the model for the macros.
