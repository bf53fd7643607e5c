#!/usr/bin/env bash
# Math + highlighting of the whole site from nothing: the executors on Node, the same on GraalJS, and the bare Node
# batch doing the same work (one node process fed both requests). Each run is a fresh JVM; the variants alternate
# (node graal bare node graal bare …), so a busy machine slows all of them alike. Prints every run, the medians and
# the ratios to the bare Node batch.
# Usage: bench/js-engines.sh [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}

stale() {
  [ ! -f target/test-classes/dev/llmqa/js/JsEngineBench.class ] && return 0
  [ -n "$(find src/main src/test/java -newer target/test-classes/dev/llmqa/js/JsEngineBench.class -print -quit)" ]
}
if stale; then
  echo "building (mvn test-compile)..." >&2
  ./mvnw -B -q -o test-compile || ./mvnw -B -q test-compile
fi
cp=target/classes:target/test-classes:$(./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout 2>/dev/null || true)

declare -A runs
for ((r = 1; r <= rounds; r++)); do
  for variant in node graal bare; do
    line=$(java -cp "$cp" dev.llmqa.js.JsEngineBench "$variant" . 2>/dev/null)
    echo "round $r: $line ms"
    runs[$variant]+="${line#* } "
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
bare=$(median "${runs[bare]}")
echo
printf '%-44s %8s %8s\n' "math + highlight, whole site, no cache" "median" "ratio"
for variant in bare node graal; do
  m=$(median "${runs[$variant]}")
  case $variant in
    bare) what="bare Node batch (one node process)";;
    node) what="the executors on Node";;
    graal) what="the executors on GraalJS (no Node)";;
  esac
  printf '%-44s %6.0f ms %7.2fx\n' "$what" "$m" "$(awk -v a="$m" -v b="$bare" 'BEGIN {print a / b}')"
done
