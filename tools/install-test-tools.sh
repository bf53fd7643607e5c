#!/bin/sh
# Run by `./mvnw verify` before the integration tests (pom.xml, antrun): checks what those tests need from the
# machine and stops with one message on stderr naming what is missing and how to install it; then installs the
# pinned npm packages in tools/ that are missing or older than their lock files. An up-to-date install costs
# nothing: npm ci writes node_modules/.package-lock.json, and a lock file newer than it means "install again".
set -u
cd "$(dirname "$0")/.."

debian="sudo apt-get install -y"
missing=""
packages=""
need() { # need WHAT DEBIAN-PACKAGES
  missing="${missing:+$missing, }$1"
  packages="${packages:+$packages }$2"
}

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || need "Node.js 18.19+ with npm" "nodejs npm"
if command -v node >/dev/null 2>&1; then
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  [ "$major" -ge 18 ] 2>/dev/null || need "Node.js 18.19+ (found $(node --version 2>&1))" "nodejs"
fi
[ -x /usr/bin/chromium ] || need "chromium (/usr/bin/chromium)" "chromium"
[ -x /usr/bin/chromedriver ] || need "chromedriver (/usr/bin/chromedriver)" "chromium-driver"
# the snippet sandbox: the hostile-snippet tests need it (they are never skipped)
command -v bwrap >/dev/null 2>&1 || need "bubblewrap (bwrap), the snippet sandbox" "bubblewrap"
command -v prlimit >/dev/null 2>&1 && command -v setpriv >/dev/null 2>&1 || need "prlimit and setpriv" "util-linux"

if [ -n "$missing" ]; then
  {
    echo "Missing for the integration tests: $missing."
    if [ "$(uname -s)" = Darwin ]; then
      echo "They drive Debian's chromium and chromedriver at /usr/bin, so they run on Linux: in a Debian container,"
      echo "  docker run --rm -v \"\$PWD\":/src -w /src debian:bookworm bash .ci/run"
      echo "On this Mac, ./mvnw test runs the fast tier (a JDK is all it needs)."
    else
      echo "Install: $debian $packages"
      echo "Then run ./mvnw -B verify again (./mvnw test runs the fast tier without them)."
    fi
  } >&2
  exit 1
fi

# npm ci TOOL-FOLDER: quiet when it works; on failure, npm's last lines and the command to run by hand.
install() {
  dir="tools/$1"
  if [ -f "$dir/node_modules/.package-lock.json" ] \
      && [ -z "$(find "$dir/package-lock.json" "$dir/package.json" -newer "$dir/node_modules/.package-lock.json" -print)" ]; then
    return 0
  fi
  echo "installing the pinned npm packages of $dir (npm ci)"
  log=$(mktemp)
  # --ignore-scripts: the only install script (puppeteer's) would download a browser; the tests use Debian's.
  if (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >"$log" 2>&1; then
    rm -f "$log"
    return 0
  fi
  {
    echo "npm ci failed in $dir; its last lines:"
    tail -n 20 "$log" | sed 's/^/  /'
    echo "Run it by hand to see everything: (cd $dir && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts)"
    echo "(npm needs to reach its registry, https://registry.npmjs.org, or the one your ~/.npmrc names.)"
  } >&2
  rm -f "$log"
  exit 1
}

# the Mermaid CLI (draws diagrams with Debian's chromium), axe-core (the accessibility checks), action-validator
# (checks .github/workflows against GitHub's schema)
install mermaid
install axe
install workflows
