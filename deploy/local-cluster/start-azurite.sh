#!/usr/bin/env bash
# Starts Azurite on its default loopback ports (blob 10000, queue 10001, table 10002) for the local-cluster profile.
# Data goes to ${AZURITE_DIR:-.azurite} under the working directory. Installs it from npm on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[[ -x "$here/node_modules/.bin/azurite" ]] || (cd "$here" && npm install --no-audit --no-fund --loglevel=error)
dir="${AZURITE_DIR:-.azurite}"
mkdir -p "$dir"
exec "$here/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose --location "$dir" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 "$@"
