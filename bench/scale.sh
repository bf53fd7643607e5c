#!/usr/bin/env bash
# Scale figures: synthetic sites of N questions (renamed copies of the real pages, each with its example file;
# diagrams from the store), and per N, in one run: a cold build, a warm build with nothing changed, a build after
# a prose edit, after an example-file edit and after a template edit (each a new JVM), with per-stage times and
# peak memory; beside them, on the same pages, Hugo (render only), `llmqa --version` and `java -version`; then the
# ratios. Prints figures; asserts nothing.
#
# Usage: bench/scale.sh [-r K] [--out FILE] [--jshell] [--keep] N[:K] ...
#   -r K       runs of every measurement, medians printed (default 3); N:K sets K for that N only (100:1)
#   --out FILE the raw figures as TSV (default target/bench/scale-<UTC time>.tsv)
#   --jshell   also (or alone, with no N): cold builds of the real site against the ten `jshell examples/NN-*.jsh` runs in a row (~90 s)
#   --keep     keep the synthetic sites (their folder is printed) instead of deleting them
#   --site DIR only write the synthetic site of the first N to DIR/llmqa and its Hugo twin to DIR/hugo, measure nothing
# Jars (a thin jar: its lib/ must sit beside it, as in target/), each run through ./llmqa with LLMQA_JAR, so with the
# class-data archive the launcher keeps beside the jar (made before the first measurement when missing or stale):
#   LLMQA_JAR=path/llmqa.jar            the jar to measure (default: this checkout's target/llmqa.jar, built if stale)
#   LLMQA_JARS="old/llmqa.jar new/llmqa.jar"
#                                       A/B: every measurement runs A B A B ..., each jar on its own copy of the site
#                                       (own cache and output); columns per jar and their ratio to A
#   An old jar, e.g.: git worktree add /tmp/old REV && (cd /tmp/old && ./mvnw -q -B package -DskipTests)
#                     LLMQA_JARS="/tmp/old/target/llmqa.jar target/llmqa.jar" bench/scale.sh 100
# The TSV has one figure a line: n, jar (A, B, ... or - for java, hugo, jshell), measure, run, metric, value.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

runs=3 out="" jshell=0 keep=0 site_only="" sizes=()
while [ $# -gt 0 ]; do
  case $1 in
    -r) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --jshell) jshell=1; shift ;;
    --keep) keep=1; shift ;;
    --site) site_only=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) sizes+=("$1"); shift ;;
    *) echo "scale.sh: unknown argument '$1' (see bench/scale.sh --help)" >&2; exit 2 ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || [ "$jshell" = 1 ] || { echo "usage: bench/scale.sh [-r K] [--out FILE] [--jshell] [--keep] N[:K] ... (e.g. 10 100)" >&2; exit 2; }

# --- what the script needs ---------------------------------------------------------------------------------------
[ -x /usr/bin/time ] || { echo "scale.sh: needs GNU time for peak memory: apt-get install time" >&2; exit 2; }
command -v java > /dev/null || { echo "scale.sh: needs java (a JDK 17 or newer) on PATH" >&2; exit 2; }
if [ "$jshell" = 1 ] && ! command -v jshell > /dev/null; then
  echo "scale.sh: --jshell needs jshell (from the JDK) on PATH" >&2; exit 2
fi
have_hugo=1
command -v hugo > /dev/null || { have_hugo=0; echo "scale.sh: hugo not found (apt-get install hugo); its figures are left out" >&2; }

if [ -n "${LLMQA_JARS:-}" ]; then
  read -r -a jars <<< "$LLMQA_JARS"
else
  jars=("${LLMQA_JAR:-$repo/target/llmqa.jar}")
  if [ -z "${LLMQA_JAR:-}" ] && { [ ! -f "${jars[0]}" ] ||
      [ -n "$(find "$repo/pom.xml" "$repo/src/main" -newer "${jars[0]}" -print -quit)" ]; }; then
    echo "building target/llmqa.jar (mvnw package)..." >&2
    (cd "$repo" && nice ./mvnw -q -B package -DskipTests) >&2
  fi
fi
labels=(A B C D E F G H)
[ ${#jars[@]} -le ${#labels[@]} ] || { echo "scale.sh: at most ${#labels[@]} jars" >&2; exit 2; }
for i in "${!jars[@]}"; do
  jars[i]=$(cd "$(dirname "${jars[i]}")" && pwd)/$(basename "${jars[i]}")
  [ -f "${jars[i]}" ] || { echo "scale.sh: no jar at ${jars[i]}" >&2; exit 2; }
  [ -d "$(dirname "${jars[i]}")/lib" ] || {
    echo "scale.sh: ${jars[i]} is a thin jar and needs its lib/ beside it (copy target/llmqa.jar with target/lib/)" >&2; exit 2; }
done

work=$(mktemp -d)
cleanup() {
  local pids
  pids=$(jobs -p); [ -z "$pids" ] || kill $pids 2> /dev/null || true
  if [ "$keep" = 1 ]; then echo "synthetic sites kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
[ -n "$out" ] || out=$repo/target/bench/scale-$(date -u +%Y%m%dT%H%M%SZ).tsv
mkdir -p "$(dirname "$out")"
raw=$work/raw.tsv
printf 'n\tjar\tmeasure\trun\tmetric\tvalue\n' > "$raw"
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$raw"; } # N JAR MEASURE RUN METRIC VALUE

# --- the synthetic site --------------------------------------------------------------------------------------------
copy_project() { # copy_project DIR: what a build reads from a project root (no Mermaid CLI: diagrams come from the store)
  mkdir -p "$1"
  (cd "$repo" && tar --exclude=node_modules -cf - content templates examples diagrams tools/mermaid \
      $(ls jbake.properties 2> /dev/null)) | tar -C "$1" -xf -
}

make_site() { # make_site N DIR: the real project with its questions replaced by N renamed copies of them
  local n=$1 dir=$2 reals i k src base name
  copy_project "$dir"
  rm -f "$dir"/content/questions/*.md "$dir"/examples/*.jsh
  reals=("$repo"/content/questions/*.md)
  copy_name() { # the synthetic name of copy $1
    local b; b=$(basename "${reals[$((($1 - 1) % ${#reals[@]}))]}" .md)
    printf '%04d-%s-i%d' "$1" "${b#*-}" "$1"
  }
  for i in $(seq "$n"); do
    src=${reals[$(((i - 1) % ${#reals[@]}))]}
    base=$(basename "$src" .md)
    name=$(copy_name "$i")
    # examples= names the other questions' files: each becomes the copy of that question in the same ten
    # (or in the first ten, when this ten has no such copy)
    local map="" g=$(((i - 1) / ${#reals[@]})) j
    for k in $(seq ${#reals[@]}); do
      j=$((g * ${#reals[@]} + k)); [ "$j" -le "$n" ] || j=$k
      map="$map $(basename "${reals[k - 1]}" .md).jsh=$(copy_name "$j").jsh"
    done
    # a unique order and title; include= lines name the renamed example file
    awk -v i="$i" -v old="include=$base.jsh" -v new="include=$name.jsh" -v map="$map" '
      BEGIN { m = split(map, pairs, " "); for (p = 1; p <= m; p++) { split(pairs[p], kv, "="); to[kv[1]] = kv[2] } }
      /^~~~~~~/ { body = 1 }
      !body && /^examples=/ { n = split(substr($0, 10), names, ","); out = ""
                              for (q = 1; q <= n; q++) { e = names[q]; gsub(/^ +| +$/, "", e); out = out (q > 1 ? "," : "") (e in to ? to[e] : e) }
                              print "examples=" out; next }
      !body && /^order=/ { print "order=" i; next }
      !body && /^title=/ { print $0 " (copy " i ")"; next }
      body { rest = $0; line = ""
             while ((at = index(rest, old)) > 0) { line = line substr(rest, 1, at - 1) new; rest = substr(rest, at + length(old)) }
             $0 = line rest
             # links to other questions go to their copies in the same ten
             for (from in to) { src = from; sub(/\.jsh$/, ".html", src); dst = to[from]; sub(/\.jsh$/, ".html", dst)
                                rest = $0; line = ""
                                while ((at = index(rest, src)) > 0) { line = line substr(rest, 1, at - 1) dst; rest = substr(rest, at + length(src)) }
                                $0 = line rest } }
      { print }' "$src" > "$dir/content/questions/$name.md"
    cp "$repo/examples/$base.jsh" "$dir/examples/$name.jsh"
  done
  # the home page links each real question: point it at copy k (or copy 1 when there are fewer than k copies)
  for k in $(seq ${#reals[@]}); do
    base=$(basename "${reals[k - 1]}" .md)
    name=$(copy_name "$([ "$k" -le "$n" ] && echo "$k" || echo 1)")
    sed -i "s#questions/$base\.html#questions/$name.html#g" "$dir"/content/*.md
  done
  relax_timeouts "$dir"
}

relax_timeouts() { # relax_timeouts DIR: a step may take 120 s instead of 10 s, so a loaded machine slows a build
  local f           # instead of failing it; it changes no work
  for f in "$1"/content/questions/*.md; do
    awk '/^~~~~~~/ && !body { if (!timeout) print "timeout=120"; body = 1 } !body && /^timeout=/ { timeout = 1 } { print }' \
      "$f" > "$f.tmp" && mv "$f.tmp" "$f"
  done
}

make_hugo() { # make_hugo SITE DIR: the same pages as a Hugo site with a minimal layout (nav of all questions, a TOC)
  local site=$1 dir=$2 f name
  mkdir -p "$dir/content/questions" "$dir/layouts/_default"
  cat > "$dir/hugo.toml" << 'EOF'
baseURL = "http://localhost/"
title = "LLM Interview Q&A"
disableKinds = ["RSS"]
[markup.goldmark.renderer]
unsafe = true
[markup.tableOfContents]
startLevel = 2
endLevel = 3
EOF
  cat > "$dir/layouts/_default/baseof.html" << 'EOF'
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} · LLM Interview Q&amp;A</title></head>
<body>
{{ $current := .RelPermalink }}
<nav class="sidebar" aria-label="Questions"><ol>
{{ range (where .Site.RegularPages "Section" "questions").ByWeight }}<li{{ if eq .RelPermalink $current }} class="current"{{ end }}><a href="{{ .RelPermalink }}"><span class="num">{{ .Weight }}</span> {{ .Title }}</a></li>
{{ end }}</ol></nav>
<main id="main">{{ block "main" . }}{{ end }}</main>
</body>
</html>
EOF
  cat > "$dir/layouts/_default/single.html" << 'EOF'
{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>
<nav class="toc" aria-label="On this page">{{ .TableOfContents }}</nav>{{ end }}
EOF
  cat > "$dir/layouts/_default/list.html" << 'EOF'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}
EOF
  for f in "$site"/content/*.md "$site"/content/questions/*.md; do
    name=${f#"$site/content/"}
    case $name in index.md) name=_index.md ;; 404.md) continue ;; esac
    # the JBake header (key=value lines up to ~~~~~~) as YAML front matter
    awk 'function q(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
      BEGIN { print "---" }
      !body && /^~~~~~~/ { body = 1; print "---"; next }
      !body { k = substr($0, 1, index($0, "=") - 1); v = substr($0, index($0, "=") + 1)
              if (k == "title" || k == "summary") print k ": " q(v)
              else if (k == "order") print "weight: " v
              else if (k == "tags") { n = split(v, t, ","); s = ""; for (j = 1; j <= n; j++) s = s (j > 1 ? ", " : "") q(t[j]); print "tags: [" s "]" }
              next }
      { print }' "$f" > "$dir/content/$name"
  done
}

# --- one measured command ------------------------------------------------------------------------------------------
sample_tree() { # sample_tree PID FILE: until PID ends, the peak summed RSS (KB) of PID and its descendants, every 0.5 s
  local root=$1 peak=0 host=0 now main   # (and of the command itself, the child of GNU time: the host JVM)
  while kill -0 "$root" 2> /dev/null; do
    read -r now main < <(ps -e -o pid=,ppid=,rss= 2> /dev/null | awk -v r="$root" '
      { parent[$1] = $2; rss[$1] = $3; if ($2 == r) main = $3 }
      END { for (p in parent) { q = p; while (q != r && (q in parent) && q + 0 > 1) q = parent[q]; if (q == r) sum += rss[p] }
            print sum + 0, main + 0 }')
    [ "$now" -le "$peak" ] || peak=$now
    [ "$main" -le "$host" ] || host=$main
    sleep 0.5
  done
  echo "$peak $host" > "$2"
}

measure() { # measure N JAR MEASURE RUN DIR CMD...: run CMD in DIR, record its wall, CPU, peak RSS, stages, exit status
  local n=$1 jar=$2 what=$3 run=$4 dir=$5 start end pid sampler rc=0 rss user sys tree host
  shift 5
  start=$(date +%s%N)
  (cd "$dir" && exec /usr/bin/time -o "$work/time.out" -f '%M %U %S' "$@") > "$work/last.log" 2>&1 &
  pid=$!
  sample_tree "$pid" "$work/tree.out" &
  sampler=$!
  renice -n 10 -p "$sampler" > /dev/null 2>&1 || true
  wait "$pid" || rc=$?
  end=$(date +%s%N)
  wait "$sampler" || true
  read -r rss user sys < <(grep -E '^[0-9]+ [0-9.]+ [0-9.]+$' "$work/time.out" | tail -1)
  record "$n" "$jar" "$what" "$run" wall_s "$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')"
  record "$n" "$jar" "$what" "$run" cpu_s "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  record "$n" "$jar" "$what" "$run" rss_kb "$rss"
  # a tree is at least its largest process (a run shorter than a sample has no sample of its own)
  read -r tree host < "$work/tree.out"
  record "$n" "$jar" "$what" "$run" tree_kb "$(awk -v t="$tree" -v m="$rss" 'BEGIN { print (t > m ? t : m) + 0 }')"
  record "$n" "$jar" "$what" "$run" host_kb "$host"
  record "$n" "$jar" "$what" "$run" exit "$rc"
  # the build's progress lines: "  STAGE    summary    123 ms" (STAGE padded to 8 characters)
  awk -v n="$n" -v j="$jar" -v w="$what" -v r="$run" '
    /^  [a-z]/ && $NF == "ms" && $(NF-1) ~ /^[0-9]+$/ {
      s = substr($0, 3, 8); sub(/ +$/, "", s); gsub(/ /, "_", s)
      printf "%s\t%s\t%s\t%s\tstage:%s\t%s\n", n, j, w, r, s, $(NF-1) }
    /^  execute / { line = $0; sub(/^  execute +/, "", line); sub(/ +[0-9]+ ms$/, "", line)
                    printf "%s\t%s\t%s\t%s\tran\t%s\n", n, j, w, r, line }
    /per eval/ { line = $0; sub(/^ +/, "", line); printf "%s\t%s\t%s\t%s\tper_eval\t%s\n", n, j, w, r, line }' \
    "$work/last.log" >> "$raw"
  if [ "$rc" != 0 ]; then
    echo "  ($what, run $run, jar ${jar}: exit $rc; the build said:)" >&2
    grep -v '^ *hint:\|^warning:' "$work/last.log" | tail -6 | sed 's/^/    /' >&2
  fi
}

# --- edits ---------------------------------------------------------------------------------------------------------
# Each edit K writes a pristine file with a change that differs from run to run; restore() puts them all back.
first() { echo "$1"; } # the first of the files a glob names
edit_prose() { # a sentence changed in one page: the first line of its text gets a few words (no line moves)
  local page; page=$(first "$1"/content/questions/*.md)
  awk -v k="$2" 'body && !done && NF { print $0 " (edited, run " k ")"; done = 1; next } /^~~~~~~/ { body = 1 } { print }' \
    "$1/pristine/${page#"$1/"}" > "$page"
}
edit_example() { # the example file that page loads: one comment more at its end, so the page runs again
  local file; file=$(first "$1"/examples/*.jsh)
  { cat "$1/pristine/${file#"$1/"}"; echo "// edited, run $2"; } > "$file"
}
edit_template() { # the layout every page uses: an HTML comment, so every page is written again
  awk -v k="$2" '/<\/body>/ { print "<!-- edited, run " k " -->" } { print }' "$1/pristine/templates/_layout.ftl" \
    > "$1/templates/_layout.ftl"
}
keep_pristine() { # keep_pristine DIR: copies of the files the edits change
  local page example
  page=$(first "$1"/content/questions/*.md); example=$(first "$1"/examples/*.jsh)
  mkdir -p "$1/pristine"
  (cd "$1" && cp --parents "${page#"$1/"}" "${example#"$1/"}" templates/_layout.ftl pristine/)
}
restore() { (cd "$1/pristine" && find . -type f -exec cp {} "$1/{}" \;); }

# --- summaries -----------------------------------------------------------------------------------------------------
figures() { # figures N JAR MEASURE METRIC: "median min max count" of a figure, nothing if it was not taken
  awk -F'\t' -v n="$1" -v j="$2" -v w="$3" -v m="$4" '
    $1 == n && $2 == j && $3 == w && $5 == m { v[c++] = $6 + 0 }
    END { if (!c) exit
          for (i = 1; i < c; i++) { x = v[i]; for (k = i - 1; k >= 0 && v[k] > x; k--) v[k + 1] = v[k]; v[k + 1] = x }
          med = c % 2 ? v[int(c / 2)] : (v[c / 2 - 1] + v[c / 2]) / 2
          print med, v[0], v[c - 1], c }' "$raw"
}
median() { figures "$@" | awk '{ print $1 }'; }
failures() { awk -F'\t' -v n="$1" -v j="$2" -v w="$3" '$1 == n && $2 == j && $3 == w && $5 == "exit" && $6 != 0 { c++ } END { print c + 0 }' "$raw"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
secs() { # secs N JAR MEASURE: "median (min–max)" of the wall time, with the number of failed runs
  local s f; s=$(figures "$1" "$2" "$3" wall_s); f=$(failures "$1" "$2" "$3")
  [ -n "$s" ] || { echo "-"; return; }
  awk -v s="$s" -v f="$f" 'BEGIN { split(s, x, " ")
    out = x[4] > 1 ? sprintf("%.2f (%.2f–%.2f)", x[1], x[2], x[3]) : sprintf("%.2f", x[1])
    print out (f > 0 ? " FAILED " f "x" : "") }'
}
num() { [ -n "$1" ] && awk -v x="$1" -v d="$2" 'BEGIN { printf "%.*f", d, x }' || echo "-"; } # num X DECIMALS
mb() { local m; m=$(median "$@"); [ -n "$m" ] && awk -v k="$m" 'BEGIN { printf "%.0f", k / 1024 }' || echo "-"; }

measures=(cold warm prose example template version java hugo)
declare -A title=([cold]="cold build (no cache, no site/)" [warm]="warm build, nothing changed"
  [prose]="after a prose edit (one page)" [example]="after an example-file edit" [template]="after a template edit (all pages)"
  [version]="llmqa --version" [java]="java -version" [hugo]="hugo, same pages (render only)"
  [realcold]="real site, cold build" [jshell]="ten jshell FILE runs in a row")
shared() { case $1 in java|hugo|jshell) return 0 ;; *) return 1 ;; esac; } # measured once, not per jar

print_table() { # print_table N MEASURE...
  local n=$1 w j c; shift
  printf '  %-36s' ""
  for j in "${!jars[@]}"; do printf ' %24s' "${labels[j]}: wall s (min–max)"; done
  for j in "${!jars[@]}"; do [ "$j" = 0 ] || printf ' %7s' "${labels[j]}÷A"; done
  for j in "${!jars[@]}"; do printf ' %8s %8s %7s' "${labels[j]}: RSS" "tree MB" "CPU s"; done
  echo
  for w in "$@"; do
    printf '  %-36s' "${title[$w]}"
    for j in "${!jars[@]}"; do
      if shared "$w"; then c=-; [ "$j" = 0 ] && c=$(secs "$n" - "$w"); else c=$(secs "$n" "${labels[j]}" "$w"); fi
      printf ' %24s' "$c"
    done
    for j in "${!jars[@]}"; do
      [ "$j" != 0 ] || continue
      if shared "$w"; then c=""; else c=$(ratio "$(median "$n" "${labels[j]}" "$w" wall_s)" "$(median "$n" A "$w" wall_s)"); fi
      printf ' %7s' "$c"
    done
    for j in "${!jars[@]}"; do
      c=${labels[j]}; shared "$w" && c=-
      if shared "$w" && [ "$j" != 0 ]; then printf ' %8s %8s %7s' "" "" ""; continue; fi
      printf ' %8s %8s %7s' "$(mb "$n" "$c" "$w" rss_kb)" "$(mb "$n" "$c" "$w" tree_kb)" "$(num "$(median "$n" "$c" "$w" cpu_s)" 1)"
    done
    echo
  done
}

print_stages() { # print_stages N MEASURE...: median ms of every stage the builds printed
  local n=$1 w j s stages; shift
  stages=$(awk -F'\t' -v n="$n" '$1 == n && $5 ~ /^stage:/ && !seen[$5]++ { sub(/^stage:/, "", $5); printf "%s ", $5 }' "$raw")
  [ -n "$stages" ] || return 0
  echo "  per stage, median ms:"
  printf '  %-36s' ""; for s in $stages; do printf ' %8s' "$s"; done; echo
  for w in "$@"; do
    for j in "${!jars[@]}"; do
      printf '  %-36s' "${title[$w]}$([ ${#jars[@]} -gt 1 ] && echo ", ${labels[j]}")"
      for s in $stages; do printf ' %8s' "$(num "$(median "$n" "${labels[j]}" "$w" "stage:$s")" 0)"; done
      echo
    done
  done
  echo "  what the execute stage did (last run of each):"
  for w in "$@"; do
    for j in "${!jars[@]}"; do
      s=$(awk -F'\t' -v n="$n" -v j="${labels[j]}" -v w="$w" '$1 == n && $2 == j && $3 == w && $5 == "ran" { l = $6 } END { print l }' "$raw")
      [ -z "$s" ] || printf '  %-36s %s\n' "${title[$w]}$([ ${#jars[@]} -gt 1 ] && echo ", ${labels[j]}")" "${s%%;*}"
    done
  done
  for j in "${!jars[@]}"; do
    s=$(awk -F'\t' -v n="$n" -v j="${labels[j]}" '$1 == n && $2 == j && $5 == "per_eval" { l = $6 } END { print l }' "$raw")
    echo "  snippet stage's CPU per eval, ${labels[j]}: ${s:-not printed by this build}"
  done
}

print_ratio() { # print_ratio TEXT N1 MEASURE1 N2 MEASURE2 [METRIC]: TEXT and, per jar, median(1) ÷ median(2)
  local text=$1 j a b m=${6:-wall_s} ja jb
  printf '  %-58s' "$text"
  for j in "${!jars[@]}"; do
    ja=${labels[j]}; jb=${labels[j]}; shared "$3" && ja=-; shared "$5" && jb=-
    a=$(median "$2" "$ja" "$3" "$m"); b=$(median "$4" "$jb" "$5" "$m")
    printf ' %10s' "$([ ${#jars[@]} -gt 1 ] && echo "${labels[j]}: ")$(ratio "$a" "$b")"
  done
  echo
}

if [ -n "$site_only" ]; then
  [ ${#sizes[@]} -gt 0 ] || { echo "scale.sh: --site DIR needs an N" >&2; exit 2; }
  n=${sizes[0]%%:*}
  make_site "$n" "$site_only/llmqa"
  make_hugo "$site_only/llmqa" "$site_only/hugo"
  echo "wrote $site_only/llmqa ($n questions) and $site_only/hugo"
  exit 0
fi

# --- the run -------------------------------------------------------------------------------------------------------
build_all() { # build_all N MEASURE RUN [build args]: one build per jar, each on its own site copy, A B ...
  local n=$1 w=$2 r=$3 j; shift 3
  for j in "${!jars[@]}"; do measure "$n" "${labels[j]}" "$w" "$r" "$work/site$n-${labels[j]}" env LLMQA_JAR="${jars[j]}" "$repo/llmqa" build "$@"; done
}
series() { # series N K MEASURE EDIT [last]: K builds per jar, edit K before each; restored (and built again unless last)
  local n=$1 k=$2 w=$3 edit=$4 r j
  for r in $(seq "$k"); do
    for j in "${!jars[@]}"; do "$edit" "$work/site$n-${labels[j]}" "$r"; done
    build_all "$n" "$w" "$r"
  done
  for j in "${!jars[@]}"; do
    restore "$work/site$n-${labels[j]}"
    [ -z "${5:-}" ] || continue
    (cd "$work/site$n-${labels[j]}" && env LLMQA_JAR="${jars[j]}" "$repo/llmqa" build > /dev/null 2>&1) || true
  done
}

echo "llmqa scale benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$(java -version 2>&1 | head -1)$([ "$have_hugo" = 1 ] && echo ", $(hugo version | cut -d' ' -f1-2)")"
for j in "${!jars[@]}"; do
  echo "  ${labels[j]}: ${jars[j]} ($(cd "$work" && env LLMQA_JAR="${jars[j]}" "$repo/llmqa" --version 2>&1 | head -1))"
done
# Every jar runs as ./llmqa runs it: with the class-data archive its first build leaves beside it (made here once,
# on a copy of the real project, and waited for, so no measured run pays for it or runs beside its making)
for j in "${!jars[@]}"; do
  jsa=${jars[j]%.jar}.jsa
  if [ ! -f "$jsa" ] || [ ! "$jsa" -nt "${jars[j]}" ]; then
    t0=$(date +%s)
    copy_project "$work/train-${labels[j]}"
    (cd "$work/train-${labels[j]}" && env LLMQA_JAR="${jars[j]}" "$repo/llmqa" build -q > /dev/null 2>&1) || true
    for _ in $(seq 300); do { [ -f "$jsa" ] && [ "$jsa" -nt "${jars[j]}" ] && ! ls "$jsa".*.classlist > /dev/null 2>&1; } && break; sleep 1; done
    rm -rf "$work/train-${labels[j]}"
    echo "  ${labels[j]}: class-data archive made in $(($(date +%s) - t0)) s ($(du -m "$jsa" | cut -f1) MB)"
  fi
done
echo "  every jar runs through ./llmqa (LLMQA_JAR=...), with its class-data archive (${jars[0]%.jar}.jsa)"
echo "  wall: median (min–max) of K runs; RSS: peak resident set of the largest single process (GNU time %M: the host"
echo "  JVM or its largest child, not their sum); tree MB: peak of the summed RSS of the build's whole process tree"
echo "  (host and worker JVMs), sampled every 0.5 s; CPU s: user + system time of the tree (GNU time); all medians"

ns=()
for spec in "${sizes[@]+"${sizes[@]}"}"; do
  n=${spec%%:*}; k=$runs; [ "$spec" = "$n" ] || k=${spec#*:}
  ns+=("$n")
  for j in "${!jars[@]}"; do make_site "$n" "$work/site$n-${labels[j]}"; keep_pristine "$work/site$n-${labels[j]}"; done
  [ "$have_hugo" = 0 ] || make_hugo "$work/site$n-A" "$work/hugo$n"
  pages=$(find "$work/site$n-A/content" -name '*.md' | wc -l)
  echo
  echo "N=$n: $n questions ($pages pages), $k run(s) each, load $(cut -d' ' -f1-3 /proc/loadavg)"
  for r in $(seq "$k"); do
    for j in "${!jars[@]}"; do rm -rf "$work/site$n-${labels[j]}"/{.llmqa,site,.site.*}; done
    build_all "$n" cold "$r"
  done
  for r in $(seq "$k"); do build_all "$n" warm "$r"; done
  series "$n" "$k" prose edit_prose
  series "$n" "$k" example edit_example
  series "$n" "$k" template edit_template last
  for r in $(seq "$k"); do
    for j in "${!jars[@]}"; do measure "$n" "${labels[j]}" version "$r" "$work" env LLMQA_JAR="${jars[j]}" "$repo/llmqa" --version; done
    measure "$n" - java "$r" "$work" java -version
    if [ "$have_hugo" = 1 ]; then
      rm -rf "$work/hugo$n"/{out,resources}
      measure "$n" - hugo "$r" "$work/hugo$n" hugo --quiet -d out
    fi
  done
  print_table "$n" "${measures[@]}"
  for j in "${!jars[@]}"; do
    echo "  the host JVM alone (sampled), cold build, ${labels[j]}: $(mb "$n" "${labels[j]}" cold host_kb) MB peak"
  done
  print_stages "$n" cold warm prose example template
  echo "  ratios (of medians):"
  print_ratio "warm build ÷ llmqa --version" "$n" warm "$n" version
  print_ratio "llmqa --version ÷ java -version" "$n" version "$n" java
  print_ratio "prose edit (new JVM) ÷ llmqa --version" "$n" prose "$n" version
  print_ratio "example-file edit ÷ warm build" "$n" example "$n" warm
  print_ratio "full re-render (template edit) ÷ hugo, same pages" "$n" template "$n" hugo
  print_ratio "cold build ÷ hugo, same pages" "$n" cold "$n" hugo
  [ "$keep" = 1 ] || rm -rf "$work/site$n-"* "$work/hugo$n"
done

if [ ${#ns[@]} -gt 1 ]; then
  echo
  echo "across sizes (ratios of medians):"
  for i in $(seq 1 $((${#ns[@]} - 1))); do
    a=${ns[i - 1]} b=${ns[i]}
    print_ratio "cold N=$b ÷ cold N=$a ($(ratio "$b" "$a")x the pages)" "$b" cold "$a" cold
    print_ratio "warm N=$b ÷ warm N=$a" "$b" warm "$a" warm
    print_ratio "template edit N=$b ÷ N=$a" "$b" template "$a" template
    print_ratio "peak RSS (cold) N=$b ÷ N=$a" "$b" cold "$a" cold rss_kb
    print_ratio "peak tree RSS (cold) N=$b ÷ N=$a" "$b" cold "$a" cold tree_kb
  done
fi

if [ "$jshell" = 1 ]; then
  echo
  n=real
  for j in "${!jars[@]}"; do copy_project "$work/real-${labels[j]}"; relax_timeouts "$work/real-${labels[j]}"; done
  echo "the real site ($(find "$repo/content/questions" -name '*.md' | wc -l) questions) against its example files run by jshell, $runs run(s) each"
  for r in $(seq "$runs"); do
    for j in "${!jars[@]}"; do
      rm -rf "$work/real-${labels[j]}"/{.llmqa,site,.site.*}
      measure real "${labels[j]}" realcold "$r" "$work/real-${labels[j]}" env LLMQA_JAR="${jars[j]}" "$repo/llmqa" build
    done
    measure real - jshell "$r" "$work/real-A" bash -c 'for f in examples/*.jsh; do jshell -q "$f" < /dev/null > /dev/null || exit 1; done'
  done
  print_table real realcold jshell
  print_stages real realcold
  print_ratio "cold build of the real site ÷ ten jshell FILE runs" real realcold real jshell
  [ "$keep" = 1 ] || rm -rf "$work"/real-*
fi

cp "$raw" "$out"
echo
echo "raw figures: $out"
