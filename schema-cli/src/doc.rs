//! `cargo schema doc [--check]`: writes one Markdown page per track (tables, columns, types,
//! keys, indexes with their migration file:line, and a Mermaid ER diagram) under each
//! crate's `docs/schema/`; `--check` writes nothing and fails when a committed page differs
//! from what the migrations produce now.

use crate::output::{could_not_check, outln};
use crate::project::{crates_with_tracks, replay_crate};
use clap::Args;
use schema_model::doc::render_track_page;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct DocArgs {
    /// Path to Cargo.toml of the crate or workspace.
    #[arg(long)]
    manifest_path: Option<PathBuf>,
    /// Directory of the pages, relative to each crate.
    #[arg(long, default_value = "docs/schema")]
    out_dir: PathBuf,
    /// Do not write; exit 1 when a page is missing or stale.
    #[arg(long)]
    check: bool,
}

pub fn run(args: &DocArgs) -> ExitCode {
    let crates = match crates_with_tracks(args.manifest_path.as_deref()) {
        Ok(crates) => crates,
        Err(e) => return could_not_check(&e),
    };
    let mut stale = Vec::new();
    for crate_tracks in &crates {
        let replayed = match replay_crate(crate_tracks) {
            Ok(replayed) => replayed,
            Err(e) => return could_not_check(&e),
        };
        let dir = crate_tracks.root.join(&args.out_dir);
        for track in &replayed.tracks {
            let page = render_track_page(&track.name, &track.catalog);
            let path = dir.join(format!("{}.md", track.name));
            if args.check {
                if std::fs::read_to_string(&path).ok().as_deref() != Some(page.as_str()) {
                    stale.push(path);
                }
                continue;
            }
            if let Err(e) = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, &page)) {
                return could_not_check(&format!("cannot write {}: {e}", path.display()));
            }
            outln!("wrote {}", path.display());
        }
    }
    if stale.is_empty() {
        if args.check {
            outln!("schema docs are up to date");
        }
        return ExitCode::SUCCESS;
    }
    for path in &stale {
        eprintln!("error: {} is missing or stale; run `cargo schema doc` and commit it", path.display());
    }
    ExitCode::from(1)
}
