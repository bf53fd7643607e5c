#!/usr/bin/env bash
# Measures the snippet engine: worker start, cost per eval, pages/s, and JShell's default engine for comparison.
# Usage: bench/snippets.sh [pages=20] [snippetsPerPage=10]
#        BENCH_WORKER_OPTS="-Xmx256m -XX:+UseSerialGC" bench/snippets.sh   (try other worker JVM flags)
#        LLMQA_SANDBOX=off|required bench/snippets.sh   (without or with the bubblewrap sandbox; compare A B A B)
#        LLMQA_JAR=target/llmqa.jar BENCH_ARCHIVES=DIR bench/snippets.sh   (workers run from the jar and map the
#                                               class-data archive kept in DIR; the first run makes it)
#        bench/snippets.sh --builds [-r RUNS=3]   the snippet stage of real builds instead (see builds() below)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

stale() {
  [ ! -f target/test-classes/dev/llmqa/snippet/SnippetBench.class ] && return 0
  [ -n "$(find src/main/java src/test/java -name '*.java' -newer target/test-classes/dev/llmqa/snippet/SnippetBench.class | head -1)" ]
}
if stale; then
  echo "building (mvn test-compile)..." >&2
  ./mvnw -B -q -o test-compile || ./mvnw -B -q test-compile
fi

# --- --builds: the snippet stage's CPU in whole builds of this project's site ------------------------------------
# Cold builds (--no-cache, so every page's snippets run) of a copy of the project, one copy per jar (its own
# cache folder, so each keeps its own worker class-data archive), alternating A B A B. While a build runs, every
# java process below it (the worker JVMs, the sandbox's probe, anything that makes a worker archive) is sampled
# from /proc every 0.2 s; its last reading is its CPU (a worker is idle when the build stops it). Each jar first
# has one build that is not counted (it makes what a first build makes once, such as the archive), then RUNS
# counted ones. Prints per run and medians: wall s, the execute stage's ms, worker JVMs seen, their CPU s, and
# that CPU per eval (evals: SiteBench's count for the site). Jars as in bench/scale.sh:
#   LLMQA_JARS="old/llmqa.jar new/llmqa.jar" bench/snippets.sh --builds -r 5     (default: target/llmqa.jar)
sample_workers() { # sample_workers PID OUT: until PID ends, "pid ticks" of each java process below PID, per sample
  while kill -0 "$1" 2> /dev/null; do
    { cat /proc/[0-9]*/stat 2> /dev/null || true; } | awk -v root="$1" '
      { pid = $1; comm = $0; sub(/^[0-9]+ \(/, "", comm); sub(/\) .*$/, "", comm)
        rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ")
        parent[pid] = f[2]; ticks[pid] = f[12] + f[13]; name[pid] = comm }
      END { for (p in parent) { if (name[p] != "java" || p == root) continue
              q = parent[p]; while (q != root && (q in parent) && q + 0 > 1) q = parent[q]
              if (q == root) print p, ticks[p] } }' >> "$2"
    sleep 0.2
  done
}

builds() {
  local runs=3 jars labels=(A B C D) evals hz i j run log start end pid
  while [ $# -gt 0 ]; do
    case $1 in
      -r) runs=$2; shift 2 ;;
      *) echo "snippets.sh --builds: unknown argument '$1'" >&2; exit 2 ;;
    esac
  done
  read -r -a jars <<< "${LLMQA_JARS:-$repo/target/llmqa.jar}"
  hz=$(getconf CLK_TCK)
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  evals=$(java -cp "target/classes:target/test-classes:$(ls target/lib/*.jar | tr '\n' ':')" dev.llmqa.snippet.SiteBench --evals .)
  for j in "${!jars[@]}"; do
    jars[j]=$(cd "$(dirname "${jars[j]}")" && pwd)/$(basename "${jars[j]}")
    mkdir -p "$work/${labels[j]}"
    tar --exclude=node_modules -cf - content templates examples diagrams tools/mermaid $(ls jbake.properties 2> /dev/null) |
      tar -C "$work/${labels[j]}" -xf -
  done
  echo "snippet stage in cold builds (--no-cache) of this site: $evals evals; $(nproc) cores; LLMQA_SANDBOX=${LLMQA_SANDBOX:-auto}"
  for j in "${!jars[@]}"; do echo "  ${labels[j]}: ${jars[j]}"; done
  printf '%-10s %4s %8s %11s %8s %13s %14s\n' run jar "wall s" "execute ms" JVMs "worker CPU s" "CPU ms/eval"
  for run in $(seq 0 "$runs"); do
    for j in "${!jars[@]}"; do
      log=$work/${labels[j]}.log
      : > "$work/samples"
      start=$(date +%s%N)
      java -jar "${jars[j]}" build --root "$work/${labels[j]}" --no-cache --out "$work/${labels[j]}/site" > "$log" 2>&1 &
      pid=$!
      sample_workers "$pid" "$work/samples"
      wait "$pid" || { echo "build failed (${labels[j]}):" >&2; tail -5 "$log" >&2; exit 1; }
      end=$(date +%s%N)
      awk -v run="$([ "$run" = 0 ] && echo "first" || echo "$run")" -v jar="${labels[j]}" -v hz="$hz" -v evals="$evals" \
          -v wall=$(((end - start) / 1000000)) -v exec="$(awk '$1 == "execute" { print $(NF-1) }' "$log")" '
        { if ($2 > t[$1]) t[$1] = $2 } END { n = 0; s = 0; for (p in t) { n++; s += t[p] }
          printf "%-10s %4s %8.1f %11s %8d %13.2f %14.2f\n", run, jar, wall / 1000, exec, n, s / hz, s / hz * 1000 / evals }' \
        "$work/samples" | tee -a "$work/rows"
    done
  done
  echo "medians over runs 1-$runs (the first build of each jar is not counted):"
  for j in "${!jars[@]}"; do
    awk -v jar="${labels[j]}" '$1 != "first" && $2 == jar { w[++n] = $3; e[n] = $4; c[n] = $6; p[n] = $7 }
      function med(a, n,   i, k, t) { for (i = 1; i <= n; i++) for (k = i + 1; k <= n; k++) if (a[k] < a[i]) { t = a[i]; a[i] = a[k]; a[k] = t }
                                     return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
      END { printf "  %s: wall %.1f s, execute %d ms, worker CPU %.2f s, %.2f ms CPU per eval (%d runs)\n", jar, med(w, n), med(e, n), med(c, n), med(p, n), n }' \
      "$work/rows" | tee -a "$work/medians"
  done
  if [ "${#jars[@]}" -gt 1 ]; then
    awk '{ for (i = 1; i <= NF; i++) if ($i == "CPU" && $(i+1) ~ /^[0-9.]+$/) cpu[NR] = $(i+1); for (i = 1; i <= NF; i++) if ($i == "ms" && $(i+1) == "CPU") per[NR] = $(i-1) }
      END { for (r = 2; r <= NR; r++) printf "  ratio %c/A: worker CPU %.2f, CPU per eval %.2f\n", 64 + r, cpu[r] / cpu[1], per[r] / per[1] }' "$work/medians"
  fi
}
if [ "${1:-}" = --builds ]; then
  shift
  builds "$@"
  exit 0
fi

props=()
if [ -n "${BENCH_ARCHIVES:-}" ]; then
  props+=("-Dbench.archives=${BENCH_ARCHIVES}")
fi
if [ -n "${BENCH_WORKER_OPTS:-}" ]; then
  props+=("-Dbench.workerOpts=${BENCH_WORKER_OPTS}")
fi
# LLMQA_JAR=path/llmqa.jar: that build of the tool (its lib/ beside it), so the workers run from a jar (which a
# class-data archive needs) and an old jar can be measured against a new one
classes=target/classes
[ -z "${LLMQA_JAR:-}" ] || classes="$LLMQA_JAR:$(dirname "$LLMQA_JAR")/lib/*"
exec java "${props[@]}" ${BENCH_JAVA_OPTS:-} -cp "$classes:target/test-classes" dev.llmqa.snippet.SnippetBench "$@"
