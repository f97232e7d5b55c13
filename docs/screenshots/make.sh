#!/usr/bin/env bash
# Writes docs/dashboard.png from a real run: an embedded silo on free ports and a scratch data dir, half a minute of the
# client's demo traffic (Zipf campaigns and users, real tweets from data/ on comments and mentions, scored by the
# shipped model), then the busiest campaign's page in headless Chromium (screenshot.mjs, Node.js).
#   docs/screenshots/make.sh [OUTPUT.png]      (CHROMIUM=/path/to/chromium to pick the browser)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(realpath -m "${1:-$root/docs/dashboard.png}")
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
cd "$root"

silo=silo/bin/Release/net10.0/StreamingMarketing.Silo.dll
client=client/bin/Release/net10.0/StreamingMarketing.Client.dll
[[ -f $silo && -f $client ]] || dotnet build StreamingMarketing.sln -c Release

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
http=$(free_port); silo_port=$(free_port); gateway_port=$(free_port)
url=http://127.0.0.1:$http
data=$(mktemp -d)
dotnet "$silo" --urls "$url" --data-dir "$data" --silo-port "$silo_port" --gateway-port "$gateway_port" > "$data/silo.log" 2>&1 &
silo_pid=$!
trap 'kill $silo_pid 2>/dev/null; wait $silo_pid 2>/dev/null; rm -rf "$data"' EXIT

for _ in $(seq 120); do
  curl -fs "$url/health/ready" > /dev/null && break
  sleep 1
done
curl -fs "$url/health/ready" > /dev/null || { cat "$data/silo.log"; exit 1; }

dotnet "$client" demo --url "$url" --events 12000 --rate 400 --campaigns 6 --users 2000 --seed 7 > /dev/null
sleep 5   # the scorer's last texts and the page's first live update

campaign=$(curl -fs "$url/api/campaigns?pageSize=50" | python3 -c '
import json, sys
answer = json.load(sys.stdin)
items = answer["items"] if isinstance(answer, dict) else answer
print(max(items, key=lambda c: sum(c.get("totals", {}).values()) if isinstance(c.get("totals"), dict) else c.get("events", 0))["campaignId"])')

rm -f "$out"
node --experimental-websocket docs/screenshots/screenshot.mjs "$chromium" "$url/#/campaigns/$campaign" "$out" 1440 1900 10000 \
  > "$data/chromium.log" 2>&1 || true
[[ -s $out ]] || { cat "$data/chromium.log"; exit 1; }
echo "wrote $out (campaign $campaign)"
