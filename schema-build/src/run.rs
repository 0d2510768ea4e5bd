//! The build script entry point: reads the environment Cargo gives a build script, runs
//! [`check`](crate::check::check), prints diagnostics, writes the model to `OUT_DIR` and
//! tells Cargo what to watch. Every failure ends the build with a diagnostic, never a panic.

use crate::check::check;
use crate::config::{SchemaConfig, METADATA_KEY};
use crate::diagnostics::{render, Diagnostic, Severity, SourceTexts};
use crate::model_file::write_model;
use crate::tracks::watched_paths;
use schema_model::model::MODEL_PATH_ENV;
use std::path::{Path, PathBuf};

/// Runs the whole build-time check; call it from `build.rs`: `fn main() { schema_build::run() }`.
/// Exits the build script with status 1 after printing the errors when anything fails.
pub fn run() {
    if let Err(errors) = build() {
        fail(&errors);
    }
}

/// Everything `run` does, returning the rendered errors instead of exiting.
fn build() -> Result<(), Vec<String>> {
    let manifest_dir = env_path("CARGO_MANIFEST_DIR")?;
    let out_dir = env_path("OUT_DIR")?;
    let manifest = manifest_dir.join("Cargo.toml");
    let config = match SchemaConfig::from_manifest_path(&manifest) {
        Ok(Some(config)) => config,
        Ok(None) => return Err(vec![missing_declaration(&manifest)]),
        Err(e) => {
            let d = Diagnostic::error(format!("{e} in {}", manifest.display()));
            return Err(vec![render(&d, &SourceTexts::default())]);
        }
    };
    let checked = check(&config, &manifest_dir);
    let mut errors = Vec::new();
    for (severity, text) in checked.rendered() {
        match severity {
            Severity::Error => errors.push(text),
            Severity::Warning => warn(&text),
        }
    }
    let model = match (&checked.model, errors.is_empty()) {
        (Some(model), true) => model,
        _ => return Err(errors),
    };
    let model_path = write_model(model, &out_dir)
        .map_err(|e| vec![plain_error(format!("cannot write the schema model to {}: {e}", out_dir.display()))])?;
    println!("cargo::rustc-env={MODEL_PATH_ENV}={}", model_path.display());
    println!("cargo::rerun-if-changed={}", manifest.display());
    let mut watched: Vec<PathBuf> = watched_paths(&config, &manifest_dir);
    for file in checked.tracks.iter().flat_map(|t| &t.files) {
        let path = manifest_dir.join(&file.name);
        if !watched.contains(&path) {
            watched.push(path);
        }
    }
    for path in watched {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    Ok(())
}

fn env_path(name: &str) -> Result<PathBuf, Vec<String>> {
    std::env::var_os(name).map(PathBuf::from).ok_or_else(|| {
        vec![plain_error(format!(
            "environment variable {name} is not set: schema_build::run() must be called from a build script (build.rs) run by Cargo"
        ))]
    })
}

fn plain_error(message: String) -> String {
    render(&Diagnostic::error(message), &SourceTexts::default())
}

fn missing_declaration(manifest: &Path) -> String {
    let d = Diagnostic::error(format!("no `[{METADATA_KEY}]` in {}", manifest.display()))
        .note("the build script replays the migrations of the tracks declared there")
        .help(
            "declare the tracks, for example:\n[package.metadata.schema]\ntracks = [\n  { name = \"postgres\", engine = \"postgres\", migrations = \"migrations\" },\n]",
        );
    render(&d, &SourceTexts::default())
}

/// Prints a warning through Cargo, one `cargo::warning=` line per line of text.
fn warn(text: &str) {
    let text = text.strip_prefix("warning: ").unwrap_or(text);
    for line in text.lines() {
        println!("cargo::warning={line}");
    }
}

/// Prints every error on stderr (Cargo shows it under the failed build script) and one
/// summary through `cargo::error`, then ends the build script.
fn fail(errors: &[String]) -> ! {
    for error in errors {
        eprintln!("{error}\n");
    }
    let count = errors.len();
    println!(
        "cargo::error=the schema check found {count} error{}; see the build script's stderr below",
        if count == 1 { "" } else { "s" }
    );
    std::process::exit(1)
}
