#!/usr/bin/env bash
# Times applying each corpus Postgres set to a fresh database on a throwaway PostgreSQL
# cluster (and introspecting the result). Usage: scripts/bench-pg-apply.sh [runs per set]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_RUNS="${1:-5}" exec cargo bench -p schema-tests --bench pg_apply
