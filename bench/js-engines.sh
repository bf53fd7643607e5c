#!/usr/bin/env bash
# Math + highlighting of the whole site from nothing: the executors on Node, the same on GraalJS, and the bare Node
# batch doing the same work (one node process fed both requests). Each run is a fresh JVM; the variants alternate
# (node graal bare node graal bare …), so a busy machine slows all of them alike. Prints every run, the medians and
# the ratios to the bare Node batch, of the wall time (the target) and of the CPU time (JVM and node processes over
# the same span: what other work on the machine changes least, and what a cold build's snippet JVMs lose to it).
# Usage: bench/js-engines.sh [--no-graal] [--warm] [rounds=5]
#   --warm adds a diagnostic row: the executors on Node run twice in one JVM, the second run timed (JIT and classes
#   warm, new node processes, empty cache folder); the target is the first row's, a fresh JVM's
#   LLMQA_JARS="old/llmqa.jar new/llmqa.jar"  A/B: the executors on Node from each jar (its lib/ beside it), in the
#                                              same rounds (nodeA nodeB … graal bare); GraalJS runs this tree's code
#   An old jar, e.g.: git worktree add /tmp/old REV && (cd /tmp/old && ./mvnw -q -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
graal=1 warm=0
while [ $# -gt 0 ]; do
  case $1 in
    --no-graal) graal=0; shift ;;
    --warm) warm=1; shift ;;
    *) break ;;
  esac
done
rounds=${1:-5}

stale() {
  [ ! -f target/test-classes/dev/llmqa/js/JsEngineBench.class ] && return 0
  [ -n "$(find src/main src/test/java -newer target/test-classes/dev/llmqa/js/JsEngineBench.class -print -quit)" ]
}
if stale; then
  echo "building (mvn test-compile)..." >&2
  ./mvnw -B -q -o test-compile || ./mvnw -B -q test-compile
fi
deps=$(./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout 2>/dev/null || true)
cp=target/classes:target/test-classes:$deps

# variant name -> what to run; "node" is this tree's code unless jars are given
declare -A classpath what
order=()
if [ -n "${LLMQA_JARS:-}" ]; then
  read -r -a jars <<< "$LLMQA_JARS"
  labels=(A B C D E F G H)
  for i in "${!jars[@]}"; do
    v=node${labels[i]}
    order+=("$v")
    # the jar's classes first (its manifest brings its lib/), the bench's class from this tree
    classpath[$v]=${jars[i]}:target/test-classes:$deps
    what[$v]="the executors on Node, ${labels[i]}: ${jars[i]}"
  done
else
  order+=(node)
  classpath[node]=$cp what[node]="the executors on Node"
fi
if [ $warm = 1 ]; then
  order+=(warm)
  classpath[warm]=$cp what[warm]="the same, second run in its JVM (diagnostic)"
fi
if [ $graal = 1 ]; then
  order+=(graal)
  classpath[graal]=$cp what[graal]="the executors on GraalJS (no Node)"
fi
order+=(bare)
classpath[bare]=$cp what[bare]="bare Node batch (one node process)"
echo "load: $(uptime)" >&2

declare -A runs cpus
for ((r = 1; r <= rounds; r++)); do
  for v in "${order[@]}"; do
    read -r _ ms cpu < <(java -cp "${classpath[$v]}" dev.llmqa.js.JsEngineBench "${v%[A-H]}" . 2>/dev/null)
    echo "round $r: $v $ms ms, $cpu ms CPU"
    runs[$v]+="$ms "
    cpus[$v]+="$cpu "
  done
done
echo "load: $(uptime)" >&2

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
bare=$(median "${runs[bare]}")
bare_cpu=$(median "${cpus[bare]}")
echo
printf '%-60s %8s %8s %12s %8s\n' "math + highlight, whole site, no cache" "median" "ratio" "median CPU" "ratio"
for v in "${order[@]}"; do
  m=$(median "${runs[$v]}")
  c=$(median "${cpus[$v]}")
  printf '%-60s %6.0f ms %7.2fx %9.0f ms %7.2fx\n' "${what[$v]}" "$m" "$(awk -v a="$m" -v b="$bare" 'BEGIN {print a / b}')" \
    "$c" "$(awk -v a="$c" -v b="$bare_cpu" 'BEGIN {print a / b}')"
done
