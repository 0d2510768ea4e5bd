#!/usr/bin/env bash
# Cost of the macros: `cargo check` of a generated crate against two tracks (50 tables x 12
# columns each), compared with the same crate without the macros, plus the time to load the
# schema model the macros parse once per process.
#
#   scripts/bench-macros.sh table [ITEMS] [RUNS]   ITEMS #[table] structs vs plain structs
#                                                  (default 500; goal < 15% extra)
#   scripts/bench-macros.sh query [ITEMS] [RUNS]   ITEMS query!("...") constants vs plain
#                                                  string literals (default 1000; goal < 20%)
#
# Table mode also times the crate with the constants `#[table]` generates written by hand:
# the compiler's own cost of the generated code, which no macro can go below. Query mode
# also times the first check after a model change, when no query is remembered as passing
# (later checks re-check only queries that failed or changed).
#
# Each measurement is made twice: with cargo's default dev profile, and with the profile the
# README recommends (the macros and what they run compiled with optimizations). Each profile
# has its own target directory under BENCH_TARGET_DIR; the first `cargo check` there is timed
# too (a cold build when the directory is new: the one-time cost of the profile). The checks
# with and without the macros alternate, so load on the machine hits both alike. Prints the
# median check time of each variant and the overhead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-table}"
case "$mode" in
  table) structs="${2:-500}" ;;
  query) structs="${2:-1000}" ;;
  *) echo "usage: $0 table|query [ITEMS] [RUNS]" >&2; exit 2 ;;
esac
runs="${3:-5}"
tables=50
columns=12
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target_root="${BENCH_TARGET_DIR:-$root/target/bench-macros}"

write_schema() { # $1: file
  for t in $(seq 0 $((tables - 1))); do
    printf 'CREATE TABLE t%d (\n    id bigint PRIMARY KEY' "$t"
    for c in $(seq 1 $((columns - 1))); do
      case $((c % 3)) in
        0) printf ',\n    c%d integer NOT NULL DEFAULT 0' "$c" ;;
        1) printf ',\n    c%d text NOT NULL DEFAULT %s' "$c" "''" ;;
        2) printf ',\n    c%d bigint' "$c" ;;
      esac
    done
    printf '\n);\n\n'
  done > "$1"
}

write_struct() { # $1: index, $2: attribute line or empty
  local t=$(($1 % tables))
  [ -n "$2" ] && printf '%s\n' "$2"
  printf 'pub struct S%d {\n    pub id: i64,\n' "$1"
  for c in $(seq 1 $((columns - 1))); do
    case $((c % 3)) in
      0) printf '    pub c%d: i32,\n' "$c" ;;
      1) printf '    pub c%d: String,\n' "$c" ;;
      2) printf '    pub c%d: Option<i64>,\n' "$c" ;;
    esac
  done
  printf '}\n\n'
}

write_constants() { # $1: index -> the constants #[table] adds, written by hand
  printf 'impl S%d {\n    pub const TABLE: &'"'"'static str = "t%d";\n' "$1" $(($1 % tables))
  printf '    pub const COLUMNS: &'"'"'static [&'"'"'static str] = &["id"'
  for c in $(seq 1 $((columns - 1))); do printf ', "c%d"' "$c"; done
  printf '];\n}\n\n'
}

write_query() { # $1: index, $2: "with" or "without"
  local t=$(($1 % tables)) sql
  sql="SELECT id, c1, c2 FROM t$t WHERE c3 = \$1 AND c$(( ($1 % (columns - 1)) + 1 )) IS NOT NULL ORDER BY id"
  if [ "$2" = with ]; then
    printf 'pub const Q%d: &str = query!("%s");\n' "$1" "$sql"
  else
    printf 'pub const Q%d: &str = "%s";\n' "$1" "$sql"
  fi
}

# The README's recommended profile: the proc-macro crate and the code it runs on every
# expansion (token parsing, model loading, SQL parsing, name resolution) compiled with
# optimizations.
recommended_profile() {
  for package in schema-macros schema-model sqlparser serde_json syn proc-macro2 quote; do
    printf '\n[profile.dev.package.%s]\nopt-level = 3\n' "$package"
  done
}

profile_section() { # $1: default or recommended
  [ "$1" = recommended ] && recommended_profile
  true
}

make_crate() { # $1: dir, $2: "with", "without" or "expanded" (table: the expansion by hand), $3: profile
  local dir="$1"
  mkdir -p "$dir/src" "$dir/migrations"
  cp "$root/Cargo.lock" "$dir/Cargo.lock"
  cat > "$dir/Cargo.toml" <<TOML
[package]
name = "bench-$2"
version = "0.1.0"
edition = "2021"
publish = false

[workspace]

[package.metadata.schema]
tracks = [
  { name = "postgres", engine = "postgres", migrations = "migrations" },
  { name = "pglite",   engine = "postgres", migrations = ["schema.sql"] },
]

[dependencies]
schema-macros = { path = "$root/schema-macros" }

[build-dependencies]
schema-build = { path = "$root/schema-build" }
TOML
  profile_section "$3" >> "$dir/Cargo.toml"
  echo 'fn main() { schema_build::run() }' > "$dir/build.rs"
  write_schema "$dir/migrations/0001_init.sql"
  cp "$dir/migrations/0001_init.sql" "$dir/schema.sql"
  {
    echo '#![allow(dead_code)]'
    [ "$2" = with ] && echo "use schema_macros::$mode;"
    for i in $(seq 0 $((structs - 1))); do
      if [ "$mode" = query ]; then write_query "$i" "$2"
      elif [ "$2" = with ]; then write_struct "$i" "#[table(\"t$((i % tables))\")]"
      elif [ "$2" = expanded ]; then write_struct "$i" ""; write_constants "$i"
      else write_struct "$i" ""; fi
    done
    echo 'fn main() {}'
  } > "$dir/src/main.rs"
}

seconds() { # runs "$@", prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

check() { # $1: crate dir
  cargo check --offline --quiet --manifest-path "$1/Cargo.toml"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

write_load_crate() { # $1: dir, $2: profile
  mkdir -p "$1/src"
  cp "$root/Cargo.lock" "$1/Cargo.lock"
  cat > "$1/Cargo.toml" <<TOML
[package]
name = "bench-model-load"
version = "0.1.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
schema-model = { path = "$root/schema-model" }
serde_json = "1"
TOML
  profile_section "$2" >> "$1/Cargo.toml"
  cat > "$1/src/main.rs" <<'RS'
//! Best of 10 loads of the macros' compact copy (what they parse, with the code compiled in
//! schema-model) and of the full model (parsed here, so always without optimizations).
use schema_model::model::compact::CompactModel;
use schema_model::model::{compact_path, SchemaModel};
use std::time::Instant;

fn best_ms(mut load: impl FnMut()) -> f64 {
    (0..10).map(|_| { let start = Instant::now(); load(); start.elapsed().as_secs_f64() * 1000.0 }).fold(f64::MAX, f64::min)
}

fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).expect("model path"));
    let full = std::fs::read(&path).expect("read model");
    let compact = std::fs::read(compact_path(&path)).expect("read compact model");
    let full_ms = best_ms(|| drop(serde_json::from_slice::<SchemaModel>(&full).expect("parse model")));
    let compact_ms = best_ms(|| drop(CompactModel::read_json(&compact).expect("parse compact model")));
    println!("{compact_ms:.2} ms for {} KB (full model: {full_ms:.2} ms for {} KB)", compact.len() / 1024, full.len() / 1024);
}
RS
}

measure() { # $1: profile -> prints the report lines of that profile
  local profile="$1" dir="$work/$1" cold=warm with_times=() without_times=() third_times=()
  export CARGO_TARGET_DIR="$target_root/$profile"
  [ -d "$CARGO_TARGET_DIR" ] || cold=cold
  make_crate "$dir/with" with "$profile"
  make_crate "$dir/without" without "$profile"
  [ "$mode" = table ] && make_crate "$dir/expanded" expanded "$profile"
  local first
  first=$(seconds check "$dir/with")
  check "$dir/without"
  [ "$mode" = table ] && check "$dir/expanded"
  local out_dir
  out_dir=$(dirname "$(ls -t "$CARGO_TARGET_DIR"/debug/build/bench-with-*/out/schema-model.json | head -1)")
  for _ in $(seq 1 "$runs"); do
    touch "$dir/with/src/main.rs" "$dir/without/src/main.rs"
    with_times+=("$(seconds check "$dir/with")")
    without_times+=("$(seconds check "$dir/without")")
    if [ "$mode" = table ]; then
      touch "$dir/expanded/src/main.rs"
      third_times+=("$(seconds check "$dir/expanded")")
    else
      # The first check after the model changed: no query is remembered as passing.
      rm -rf "$out_dir/schema-query-passes"
      touch "$dir/with/src/main.rs"
      third_times+=("$(seconds check "$dir/with")")
    fi
  done
  local with without third overhead model load
  with=$(printf '%s\n' "${with_times[@]}" | median)
  without=$(printf '%s\n' "${without_times[@]}" | median)
  third=$(printf '%s\n' "${third_times[@]}" | median)
  overhead() { echo "scale=1; ($1 - $without) * 100 / $without" | bc; }
  write_load_crate "$dir/load" "$profile"
  load=$(cargo run --offline --quiet --manifest-path "$dir/load/Cargo.toml" -- "$out_dir/schema-model.json")
  echo "profile $profile:"
  echo "  first cargo check ($cold):     ${first}s"
  echo "  cargo check with the macros:  ${with}s (median of $runs), overhead $(overhead "$with")%"
  if [ "$mode" = table ]; then
    echo "  with the constants by hand:   ${third}s, overhead $(overhead "$third")% (the floor: what the generated code costs the compiler)"
  else
    echo "  with the macros, first check: ${third}s, overhead $(overhead "$third")% (no query remembered as passing: after a model change)"
  fi
  echo "  cargo check without:          ${without}s (median of $runs)"
  echo "  model load (once per process): $load"
}

echo "items: $structs $mode macros against 2 tracks of $tables tables x $columns columns"
measure default
measure recommended
