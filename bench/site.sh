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
page="$work/content/questions/08-kv-cache.md"
edit() { # edit LABEL TEXT: append TEXT to a page, wait for the rebuild, print its time
  local before
  before=$(grep -c "^built in" "$work/serve.log")
  printf '%b' "$2" >> "$page"
  until [ "$(grep -c "^built in" "$work/serve.log")" -gt "$before" ]; do sleep 0.1; done
  printf '%-34s %10s\n' "serve: $1" "$(grep "^built in" "$work/serve.log" | tail -1 | awk '{print $3}')"
  sleep 1
}
# a blank line (nothing the snippets see); code that runs (the page runs again); a new formula (KaTeX, kept
# loaded); new code that is only shown (highlight.js, kept loaded)
for i in $(seq "$runs"); do edit "rebuild after an edit, $i" '\n'; done
for i in $(seq "$runs"); do edit "rebuild, page's code edited $i" "\n\`\`\`java\nSystem.out.println($i * 7);\n\`\`\`\n"; done
for i in $(seq "$runs"); do edit "rebuild, new formula $i" "\nA new formula: \$x_{$i} = $i^2\$.\n"; done
for i in $(seq "$runs"); do edit "rebuild, new shown code $i" "\n\`\`\`java norun\nint shown = $i;\n\`\`\`\n"; done
