#!/usr/bin/env bash
# Measures the snippet engine: worker start, cost per eval, pages/s, and JShell's default engine for comparison.
# Usage: bench/snippets.sh [pages=20] [snippetsPerPage=10]
#        BENCH_WORKER_OPTS="-Xmx256m -XX:+UseSerialGC" bench/snippets.sh   (try other worker JVM flags)
#        LLMQA_SANDBOX=off|required bench/snippets.sh   (without or with the bubblewrap sandbox; compare A B A B)
set -euo pipefail
cd "$(dirname "$0")/.."

stale() {
  [ ! -f target/test-classes/dev/llmqa/snippet/SnippetBench.class ] && return 0
  [ -n "$(find src/main/java src/test/java -name '*.java' -newer target/test-classes/dev/llmqa/snippet/SnippetBench.class | head -1)" ]
}
if stale; then
  echo "building (mvn test-compile)..." >&2
  ./mvnw -B -q -o test-compile || ./mvnw -B -q test-compile
fi

props=()
if [ -n "${BENCH_WORKER_OPTS:-}" ]; then
  props+=("-Dbench.workerOpts=${BENCH_WORKER_OPTS}")
fi
exec java "${props[@]}" ${BENCH_JAVA_OPTS:-} -cp target/classes:target/test-classes dev.llmqa.snippet.SnippetBench "$@"
