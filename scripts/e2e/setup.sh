#!/usr/bin/env bash
# Installs what the code-server end-to-end route needs, outside the extension's own dependencies:
#   - Debian chromium (+ libkrb5-dev, which code-server's kerberos module compiles against, and a
#     Chinese font so the page and its screenshot show Han characters, not boxes), as root;
#   - Node 24 from the npm registry in .e2e/node24 (code-server 4.139 refuses older Node);
#   - code-server, pinned by scripts/e2e/code-server/package-lock.json, in .e2e/cs.
# Idempotent: each step is skipped when its result is already there. Usage: scripts/e2e/setup.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E=${E2E_HOME:-$ROOT/.e2e}
NODE24=$E2E/node24/node_modules/node/bin/node
CODE_SERVER=$E2E/cs/node_modules/.bin/code-server
mkdir -p "$E2E"

PACKAGES="chromium libkrb5-dev fonts-wqy-microhei"
if [ ! -x /usr/bin/chromium ] || [ ! -e /usr/include/gssapi/gssapi.h ] || [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing system packages; as root run: apt-get install -y --no-install-recommends $PACKAGES" >&2
    exit 1
  fi
  echo "setup: apt-get install $PACKAGES"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
fi

if [ ! -x "$NODE24" ]; then
  echo "setup: node 24 -> $E2E/node24"
  mkdir -p "$E2E/node24"
  cp "$ROOT/scripts/e2e/node24/package.json" "$ROOT/scripts/e2e/node24/package-lock.json" "$E2E/node24/"
  (cd "$E2E/node24" && npm ci --no-audit --no-fund --loglevel=error)
fi
"$NODE24" --version | grep -q '^v24\.' || { echo "setup: $NODE24 is not Node 24" >&2; exit 1; }

if [ ! -x "$CODE_SERVER" ]; then
  echo "setup: code-server -> $E2E/cs (a few minutes)"
  mkdir -p "$E2E/cs"
  cp "$ROOT/scripts/e2e/code-server/package.json" "$ROOT/scripts/e2e/code-server/package-lock.json" "$E2E/cs/"
  # code-server's postinstall reads the Node major version from npm's user agent: run npm on Node 24,
  # and drop the user agent an outer `npm run` (on Node 20) would otherwise pass down.
  (cd "$E2E/cs" && env -u npm_config_user_agent PATH="$(dirname "$NODE24"):$PATH" npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: ready ($("$NODE24" --version), code-server $("$NODE24" -p "require('$E2E/cs/node_modules/code-server/package.json').version"))"
