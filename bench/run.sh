#!/usr/bin/env bash
# gen's benchmark against Hibernate and Liquibase; writes BENCHMARKS.md. See README.md ("Benchmark").
#   bench/run.sh [sizes]          e.g. bench/run.sh 10,100      (default 10,100,1000,2000,5000; any N from 10 to 5000)
# Every tool runs against the database directly and again through a loopback proxy (gen-netproxy, in this JVM,
# 127.0.0.1 only) that delays each direction by GEN_BENCH_DELAY_MS (default 10; 0 leaves that scenario out).
# Needs: JDK 17, Maven, a PostgreSQL reachable as GEN_BENCH_URL (default jdbc:postgresql://127.0.0.1:5432/, user
# GEN_BENCH_USER or postgres, no password) allowed to CREATE DATABASE; /usr/bin/time (Debian: apt-get install time)
# for peak memory. GEN_BENCH_ROUNDS (default 3) local rounds; GEN_BENCH_PEER_LIMIT_SECONDS (default 600) a peer's
# time limit; GEN_BENCH_OUT another file than BENCHMARKS.md (a partial run); GEN_BENCH_WORK the work directory
# (default target/gen-bench, build output). Creates and drops databases named gen_bench_*.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes="${1:-10,100,1000,2000,5000}"

echo "building gen's CLI jar and the benchmark..." >&2
mvn -q -B -Dmaven.test.skip=true -pl src/gen-cli -am package
benchbuild="$root/src/gen-bench/target"
# in one reactor with the proxy module, which the classpath then names by its target/classes: nothing is
# installed into ~/.m2 (other checkouts' builds use what is there). Each module writes the classpath file in
# turn; gen-bench, built last, writes it last.
mvn -q -B -Pbench -Dmaven.test.skip=true -pl src/gen-bench -am compile \
    dependency:build-classpath -Dmdep.outputFile="$benchbuild/bench.classpath"
cp="$benchbuild/classes:$(cat "$benchbuild/bench.classpath")"

exec java -cp "$cp" dev.gen.bench.BenchRunner \
    --gen-jar "$root/src/gen-cli/target/gen.jar" \
    --gen-launcher "$root/gen" \
    --java-opts "${GEN_JAVA_OPTS:-$(tr '\n' ' ' < "$root/jvm.options")}" \
    --sizes "$sizes" \
    --delay-ms "${GEN_BENCH_DELAY_MS:-10}" \
    --out "${GEN_BENCH_OUT:-$root/BENCHMARKS.md}" \
    --rounds "${GEN_BENCH_ROUNDS:-3}" \
    --peer-limit-seconds "${GEN_BENCH_PEER_LIMIT_SECONDS:-600}" \
    --work "${GEN_BENCH_WORK:-$root/target/gen-bench}" \
    --url "${GEN_BENCH_URL:-jdbc:postgresql://127.0.0.1:5432/}" \
    --user "${GEN_BENCH_USER:-postgres}"
