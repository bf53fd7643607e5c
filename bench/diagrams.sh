#!/usr/bin/env bash
# Drawing all of the site's diagrams from nothing: one batch (one browser) against one mmdc call per diagram.
# Needs the Mermaid CLI: cd tools/mermaid && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts (and Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.llmqa.diagram.DiagramBench "$@"
