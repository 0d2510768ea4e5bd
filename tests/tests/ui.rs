//! The exact text of every compile error the macros produce, pinned by trybuild cases in
//! `tests/ui/`. The cases are checked against a model replayed from the fixture tracks in
//! `tests/ui/fixtures` (declared in `tracks.toml` as a crate's Cargo.toml would declare
//! them); `ui/no_model` runs without a model.

use schema_build::check::check;
use schema_build::config::SchemaConfig;
use schema_build::diagnostics::Severity;
use schema_model::model::MODEL_PATH_ENV;
use std::path::{Path, PathBuf};

/// Replays the fixture tracks and writes the model where the build script would.
fn fixture_model() -> PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/fixtures");
    let config = SchemaConfig::from_manifest_path(&fixtures.join("tracks.toml"))
        .expect("valid fixture declaration")
        .expect("fixture declaration present");
    let checked = check(&config, &fixtures);
    let errors: Vec<String> =
        checked.rendered().into_iter().filter(|(s, _)| *s == Severity::Error).map(|(_, text)| text).collect();
    assert!(errors.is_empty(), "the fixture tracks do not replay:\n{}", errors.join("\n"));
    let model = checked.model.expect("a model when nothing failed");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ui-fixture-model");
    std::fs::create_dir_all(&dir).expect("create the model directory");
    schema_build::write_model(&model, &dir).expect("write the fixture model")
}

#[test]
fn ui() {
    let model = fixture_model();
    // Each group runs when its TestCases is dropped; the environment is read by the
    // compiler processes trybuild starts.
    std::env::remove_var(MODEL_PATH_ENV);
    {
        let cases = trybuild::TestCases::new();
        cases.compile_fail("ui/no_model/*.rs");
    }
    std::env::set_var(MODEL_PATH_ENV, &model);
    {
        let cases = trybuild::TestCases::new();
        cases.compile_fail("ui/table/*.rs");
        cases.pass("ui/pass/*.rs");
    }
}
