//! How long real Postgres takes to apply each corpus Postgres set to a fresh database (the
//! way its migration tool does: a session per file, a transaction per file), and how long
//! introspecting the result takes, so the offline replay's speed can be put next to it.
//!
//! Run with `cargo bench -p schema-tests --bench pg_apply` (or `scripts/bench-pg-apply.sh`);
//! `BENCH_RUNS` sets the number of runs per set (default 5).

use schema_model::catalog::Engine;
use schema_model::live::introspect;
use schema_tests::corpus::{corpus_dir, sets_for, CorpusSet};
use schema_tests::pg::cluster;
use schema_tests::pg_apply::apply_corpus_set;
use std::time::{Duration, Instant};

fn main() {
    let Some(corpus) = corpus_dir() else { return };
    let Some(pg) = cluster() else { return };
    let runs: usize = std::env::var("BENCH_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(5).max(1);
    println!("PostgreSQL {}; {runs} runs per set; times are the median (min-max)", pg.server_version());
    println!("{:<18} {:>6} {:>28} {:>12} {:>28}", "set", "files", "apply", "per file", "introspect");
    for name in sets_for(&corpus, Engine::Postgres) {
        let set = CorpusSet::load(&corpus, &name);
        let files = set.migrations().len();
        let mut apply = Vec::new();
        let mut read = Vec::new();
        for _ in 0..runs {
            let db = pg.fresh_database();
            let started = Instant::now();
            if let Err(failure) = apply_corpus_set(&db, &set) {
                eprintln!("{name}: applying failed at {failure}");
                std::process::exit(1);
            }
            apply.push(started.elapsed());
            let mut client = db.connect();
            let started = Instant::now();
            if let Err(e) = introspect(&mut client) {
                eprintln!("{name}: introspection failed: {e}");
                std::process::exit(1);
            }
            read.push(started.elapsed());
        }
        let per_file = median(&apply) / files.max(1) as u32;
        println!(
            "{name:<18} {files:>6} {:>28} {:>12} {:>28}",
            summary(&mut apply),
            format!("{:.2} ms", per_file.as_secs_f64() * 1e3),
            summary(&mut read)
        );
    }
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

fn summary(times: &mut [Duration]) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    format!("{:.1} ms ({:.1}-{:.1})", ms(median(times)), ms(times[0]), ms(times[times.len() - 1]))
}
