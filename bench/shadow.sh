#!/usr/bin/env bash
# Times migration:verify and generate --from-history on a history of 50 migrations for the N-entity benchmark model
# (BENCHMARKS.md, "Shadow database"). Usage: bench/shadow.sh [N] [runs]   (default 1000 and 1)
# Needs what bench/run.sh needs; creates and drops databases named gen_bench_shadow_*; works in target/shadow-bench.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
n="${1:-1000}"
runs="${2:-1}"
url="${GEN_BENCH_URL:-jdbc:postgresql://127.0.0.1:5432/}"
user="${GEN_BENCH_USER:-postgres}"
work="$root/target/shadow-bench/$n"
rm -rf "$work" && mkdir -p "$work/src" "$work/classes" "$work/migrations"

mvn -q -B -Dmaven.test.skip=true -pl src/gen-cli -am package
mvn -q -B -Pbench -Dmaven.test.skip=true -pl src/gen-bench compile
lib="$(ls "$root"/src/gen-cli/target/lib/*.jar | tr '\n' ':')"
java -cp "$root/src/gen-bench/target/classes:$lib" dev.gen.bench.ModelGenerator "$n" 42 "$work/src" >&2
find "$work/src" -name '*.java' > "$work/sources.txt"
javac -nowarn -d "$work/classes" -cp "$lib" @"$work/sources.txt"

db() { psql -qAt -h 127.0.0.1 -U "$user" -d postgres -c "$1"; }
target="gen_bench_shadow_$n"
db "DROP DATABASE IF EXISTS $target"
db "CREATE DATABASE $target"
common=(--url "${url}${target}" --user "$user" --classpath "$work/classes" --dir "$work/migrations")

# The history: the initial schema, then 49 migrations that gen's diff does not see (a view each), so that the
# next generate after the newest finds nothing and every step of verify has the whole model to work on.
./gen migration:generate Init --timestamp 1767225600000 --no-cache "${common[@]}" >&2
for i in $(seq 1 49); do
    version=$(date -u -d "@$((1767225600 + i * 60))" +%Y%m%d%H%M%S)
    cat > "$work/migrations/V${version}__View$i.java" <<JAVA
import dev.gen.api.Migration;
import dev.gen.api.MigrationContext;

public final class V${version}__View$i implements Migration {
    public void up(MigrationContext ctx) throws java.sql.SQLException {
        ctx.execute("CREATE VIEW bench_view_$i AS SELECT $i AS n");
    }
    public void down(MigrationContext ctx) throws java.sql.SQLException {
        ctx.execute("DROP VIEW bench_view_$i");
    }
}
JAVA
done

measure() { # label, command...
    local label="$1"; shift
    for r in $(seq 1 "$runs"); do
        local start end code
        start=$(date +%s.%N)
        code=0; "$@" > "$work/$label.$r.log" 2>&1 || code=$?
        end=$(date +%s.%N)
        echo "$label run $r: $(echo "$end - $start" | bc) s, exit $code, $(tail -1 "$work/$label.$r.log")"
    done
}
measure from-history-check ./gen migration:generate --check --from-history "${common[@]}"
measure verify-newest ./gen migration:verify "V$(date -u -d "@$((1767225600 + 49 * 60))" +%Y%m%d%H%M%S)__View49" "${common[@]}"
views=()
for i in $(seq 1 49); do views+=("V$(date -u -d "@$((1767225600 + i * 60))" +%Y%m%d%H%M%S)__View$i"); done
measure verify-49-views ./gen migration:verify "${views[@]}" "${common[@]}"
# Every migration, Init's up, down and up again included (the whole model dropped and built twice more).
measure verify-all-50 ./gen migration:verify "${common[@]}"
db "DROP DATABASE IF EXISTS $target"
echo "load: $(cat /proc/loadavg)"
