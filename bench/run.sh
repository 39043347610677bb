#!/usr/bin/env bash
# gen's benchmark against Hibernate and Liquibase; writes BENCHMARKS.md. See README.md ("Benchmark").
#   bench/run.sh [sizes]          e.g. bench/run.sh 10,100      (default 10,100,1000,2000)
# Needs: JDK 17, Maven, a PostgreSQL reachable as GEN_BENCH_URL (default jdbc:postgresql://127.0.0.1:5432/, user
# GEN_BENCH_USER or postgres, no password) allowed to CREATE DATABASE; /usr/bin/time (Debian: apt-get install time)
# for peak memory. Creates and drops databases named gen_bench_*. Set GEN_BUILD_DIR to build elsewhere than target/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="${GEN_BUILD_DIR:-$root/target}"
sizes="${1:-10,100,1000,2000}"

echo "building gen's CLI jar and the benchmark..." >&2
mvn -q -B -DskipTests -Dgen.build.dir="$build" package
benchbuild="${build}/bench-build"
mvn -q -B -Pbench -DskipTests -Dgen.build.dir="$benchbuild" compile \
    dependency:build-classpath -Dmdep.outputFile="$benchbuild/bench.classpath"
cp="$benchbuild/classes:$(cat "$benchbuild/bench.classpath")"

exec java -cp "$cp" dev.gen.bench.BenchRunner \
    --gen-jar "$build/gen.jar" \
    $([[ "$build" == "$root/target" ]] && echo --gen-launcher "$root/gen") \
    --java-opts "${GEN_JAVA_OPTS:-$(tr '\n' ' ' < "$root/jvm.options")}" \
    --sizes "$sizes" \
    --out "$root/BENCHMARKS.md" \
    --work "${GEN_BENCH_WORK:-/tmp/gen-bench}" \
    --url "${GEN_BENCH_URL:-jdbc:postgresql://127.0.0.1:5432/}" \
    --user "${GEN_BENCH_USER:-postgres}"
