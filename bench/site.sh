#!/usr/bin/env bash
# Whole-site figures: a build as a whole process with no cache (cold) and with a warm cache, the snippet
# stage's share of each, and rebuilds inside `serve` after edits (prose, code that runs, a formula, code that is
# only shown). Prints figures; asserts nothing.
# Usage: bench/site.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
./mvnw -q -B package -DskipTests
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
jar=$PWD/target/llmqa.jar
work=$(mktemp -d)
trap 'kill "${serve_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r content templates examples "$work/"

seconds() { # run a command, print its wall time in seconds
  local start end
  start=$(date +%s%N); "$@" > "$work/last.log" 2>&1; end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}
stage() { awk -v s="$1" '$1 == s { print $(NF-1) }' "$work/last.log"; }

echo "llmqa site benchmark: $(ls content/questions/*.md | wc -l) question pages, $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.llmqa.snippet.SiteBench "$work"
echo
printf '%-34s %10s %14s\n' "build (whole process)" "wall s" "execute ms"
for i in $(seq "$runs"); do
  cold=$(seconds java -jar "$jar" build --root "$work" --no-cache)
  printf '%-34s %10s %14s\n' "cold: --no-cache, run $i" "$cold" "$(stage execute)"
done
for i in $(seq "$runs"); do
  warm=$(seconds java -jar "$jar" build --root "$work")
  printf '%-34s %10s %14s\n' "warm cache, run $i" "$warm" "$(stage execute)"
done

port=$((20000 + RANDOM % 20000))
java -jar "$jar" serve --root "$work" --port "$port" > "$work/serve.log" 2>&1 &
serve_pid=$!
until grep -q "^serving" "$work/serve.log"; do sleep 0.2; done
for i in $(seq "$runs"); do
  before=$(grep -c "^built in" "$work/serve.log")
  echo "" >> "$work/content/questions/08-kv-cache.md"   # an edit that changes nothing the snippets see
  until [ "$(grep -c "^built in" "$work/serve.log")" -gt "$before" ]; do sleep 0.1; done
  printf '%-34s %10s\n' "serve: rebuild after an edit, $i" "$(grep "^built in" "$work/serve.log" | tail -1 | awk '{print $3}')"
  sleep 1
done
for i in $(seq "$runs"); do
  before=$(grep -c "^built in" "$work/serve.log")
  printf '\n```java\nSystem.out.println(%d * 7);\n```\n' "$i" >> "$work/content/questions/08-kv-cache.md"   # reruns the page
  until [ "$(grep -c "^built in" "$work/serve.log")" -gt "$before" ]; do sleep 0.1; done
  printf '%-34s %10s\n' "serve: rebuild, page's code edited $i" "$(grep "^built in" "$work/serve.log" | tail -1 | awk '{print $3}')"
  sleep 1
done
for i in $(seq "$runs"); do
  before=$(grep -c "^built in" "$work/serve.log")
  printf '\nA new formula: $x_{%d} = %d^2$.\n' "$i" "$i" >> "$work/content/questions/08-kv-cache.md"   # KaTeX, kept loaded
  until [ "$(grep -c "^built in" "$work/serve.log")" -gt "$before" ]; do sleep 0.1; done
  printf '%-34s %10s\n' "serve: rebuild, new formula $i" "$(grep "^built in" "$work/serve.log" | tail -1 | awk '{print $3}')"
  sleep 1
done
for i in $(seq "$runs"); do
  before=$(grep -c "^built in" "$work/serve.log")
  printf '\n```java norun\nint shown = %d;\n```\n' "$i" >> "$work/content/questions/08-kv-cache.md"   # highlight.js, kept loaded
  until [ "$(grep -c "^built in" "$work/serve.log")" -gt "$before" ]; do sleep 0.1; done
  printf '%-34s %10s\n' "serve: rebuild, new shown code $i" "$(grep "^built in" "$work/serve.log" | tail -1 | awk '{print $3}')"
  sleep 1
done
