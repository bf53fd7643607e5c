#!/bin/sh
# Batch renderer vs one mmdc process per diagram, byte for byte; see compare.mjs.
#   ./compare.sh [dir-with-.mmd-files]      (default: test-diagrams/)
#   ./compare.sh --site                     (the ```mermaid blocks of content/questions/*.md)
cd "$(dirname "$0")" || exit 2
if [ "$1" = "--site" ]; then exec node site-check.mjs --compare; fi
exec node compare.mjs "$@"
