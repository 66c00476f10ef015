#!/usr/bin/env bash
# Runs sqlmap on every GET route of a running Taskforce that takes a query or path parameter, with a valid token
# (the dev realm's consultant, through the dev-only taskforce-cli client), and prints one line per route.
# Usage: deploy/security/sqlmap-routes.sh [app URL] [Keycloak URL]   (defaults: the local run's :8080 and :8180)
# Needs sqlmap (apt-get install sqlmap) and python3 with PyYAML. Output: deploy/.work/sqlmap/.
set -euo pipefail

APP=${1:-http://localhost:8080}
KC=${2:-http://localhost:8180}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT="$ROOT/deploy/.work/sqlmap"
mkdir -p "$OUT"
command -v sqlmap >/dev/null || { echo "sqlmap is missing: apt-get install -y sqlmap" >&2; exit 1; }

token() {
  curl -fsS -d grant_type=password -d client_id=taskforce-cli -d username=consultant -d password=demo \
    "$KC/realms/taskforce/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

TOKEN=$(token)
CASE_ID=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$APP/api/v1/cases" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

# One target URL per GET operation: path parameters marked with sqlmap's "*" (a real case id in front of it, so the
# route is reached), query parameters given a plain value (sqlmap tests every one).
curl -fsS "$APP/openapi/taskforce-api-v1.yml" | CASE_ID="$CASE_ID" python3 -c '
import os, re, sys, yaml
doc = yaml.safe_load(sys.stdin)
for path, item in doc["paths"].items():
    op = item.get("get")
    if not op or path == "/api/v1/live":
        continue
    params = op.get("parameters", [])
    if not params:
        continue
    url = re.sub(r"\{caseId\}", os.environ["CASE_ID"] + "*", path)
    url = re.sub(r"\{(\w+)\}", lambda m: "1*", url)
    query = [p["name"] + "=" + ("2026-12-01" if "date" in str(p.get("schema")) else "1") for p in params if p["in"] == "query"]
    print(url + ("?" + "&".join(query) if query else ""))
' > "$OUT/targets.txt"

echo "[sqlmap] $(wc -l < "$OUT/targets.txt") GET routes with parameters; log in $OUT/run.log"
: > "$OUT/run.log"
while read -r target; do
  TOKEN=$(token)   # tokens live minutes; a route can take longer
  result=$(sqlmap -u "$APP$target" --headers="Authorization: Bearer $TOKEN" --batch --level=2 --risk=1 \
      --technique=BEUST --time-sec=2 --ignore-code=400,401,403,404,409,422 --flush-session --disable-coloring \
      --output-dir="$OUT/sessions" 2>&1 | tee -a "$OUT/run.log" \
      | grep -E "is vulnerable|appears to be .*injectable|do not appear to be injectable|no parameter|CRITICAL" | tail -1 || true)
  printf '%s\t%s\n' "$target" "${result:-no verdict (see run.log)}"
done < "$OUT/targets.txt" | tee "$OUT/summary.tsv"
