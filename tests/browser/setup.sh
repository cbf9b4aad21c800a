#!/usr/bin/env bash
# Installs what the browser tests (tests/browser.rs) need, idempotently:
#   - Debian chromium + fonts-noto-core (Persian glyphs), when /usr/bin/chromium is missing;
#   - Node.js and npm (Debian nodejs npm), when missing;
#   - the pinned npm packages of tests/browser/package.json (+ package-lock.json)
#     into .browser-deps/ at the repository root (gitignored), `npm ci` style.
# Quiet on success; on failure prints the log of the failing step and exits non-zero.
# Usage: bash tests/browser/setup.sh        (apt steps need root, or sudo)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
deps="$root/.browser-deps"
log="$(mktemp "${TMPDIR:-/tmp}/tarikh-browser-setup.XXXXXX")"
trap 'rm -f "$log"' EXIT

fail() {
    echo "tests/browser/setup.sh: $1 failed:" >&2
    cat "$log" >&2
    exit 1
}

# run STEP CMD...: runs CMD with its output in the log; on failure prints it.
run() {
    local step="$1"
    shift
    if ! "$@" >"$log" 2>&1; then
        fail "$step"
    fi
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "tests/browser/setup.sh: need root (or sudo) to run: $*" >&2
        exit 1
    fi
}

apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium fonts-noto-core)
command -v node >/dev/null 2>&1 || apt_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_packages+=(npm)
if [ "${#apt_packages[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    run "apt-get update" as_root apt-get update
    run "apt-get install ${apt_packages[*]}" as_root apt-get install -y --no-install-recommends "${apt_packages[@]}"
fi
[ -x /usr/bin/chromium ] || { echo "tests/browser/setup.sh: /usr/bin/chromium still missing after install" >&2; exit 1; }

# npm packages: reinstalled only when the lockfile changed (or the folder is incomplete).
stamp="$deps/.installed-lock"
want="$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] \
    || [ ! -f "$deps/node_modules/puppeteer-core/package.json" ] \
    || [ ! -f "$deps/node_modules/mermaid/dist/mermaid.min.js" ] \
    || [ ! -f "$deps/node_modules/@knight-lab/timelinejs/dist/js/timeline.js" ]; then
    mkdir -p "$deps"
    cp "$here/package.json" "$here/package-lock.json" "$deps/"
    # No browser download (puppeteer-core never downloads one; the env var is belt and braces).
    run "npm ci" env PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix "$deps" --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
fi
