#!/usr/bin/env bash
# The staff-import benchmark: 10,000 valid rows (valid ID numbers) imported through the API by an
# employer administrator, then the same file again (every row unchanged). Prints both times.
#
#   bash deploy/loadtest/staff-import.sh                 # builds and starts the packaged service (embedded
#                                                        # PostgreSQL and S3 under a fresh folder), as employer1
#   bash deploy/loadtest/staff-import.sh URL TOKEN       # against a running service, with an EMPLOYER_ADMIN token
#
# Settings (environment): ROWS (10000), PORT (8091, own service only), SKIP_BUILD (set: reuse target/quarkus-app).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/target/staff-import
mkdir -p "$work"
ROWS=${ROWS:-10000}
PORT=${PORT:-8091}
base=${1:-}
token=${2:-}
svc=""

stop_service() { [[ -n $svc ]] && { kill "$svc" 2>/dev/null || true; wait "$svc" 2>/dev/null || true; }; }
trap stop_service EXIT

if [[ -z $base ]]; then
  [[ -n ${SKIP_BUILD:-} ]] || (cd "$root" && mvn -B -q -DskipTests package)
  rm -rf "$work/data"
  # from the project folder: the embedded default reads content/ there; its data goes to a fresh folder
  (cd "$root" && exec env XUESHI_DATA_DIR="$work/data" QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1100)) \
    java -Xmx512m -jar target/quarkus-app/quarkus-run.jar) > "$work/service.log" 2>&1 &
  svc=$!
  base=http://127.0.0.1:$PORT
  until curl -sf "$base/api/ping" > /dev/null; do
    kill -0 "$svc" 2>/dev/null || { tail -50 "$work/service.log"; exit 1; }
    sleep 0.2
  done
  token=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"employer1","password":"xueshi-demo"}' \
    "$base/api/auth/login" | sed -E 's/.*"token":"([^"]+)".*/\1/')
fi
[[ -n $token ]] || { echo "no token: give URL and an EMPLOYER_ADMIN token, or run without arguments" >&2; exit 2; }

# ROWS people born on distinct days (from a random day, so runs against one service do not meet) in
# Yunfu (445302), each ID number with its GB 11643 check character
file=$work/staff-$ROWS.csv
awk -v rows="$ROWS" -v start="$((RANDOM % 2000))" 'BEGIN {
  split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
  split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
  print "姓名,身份证号,行业,职称级别,所在城市"
  for (i = 0; i < rows; i++) {
    n = start * 1000 + i; day = int(n / 900); seq = 100 + n % 900
    y = 1960 + int(day / 365); d = day % 365; m = 1
    while (d >= mdays[m]) { d -= mdays[m]; m++ }
    first = sprintf("445302%04d%02d%02d%03d", y, m, d + 1, seq)
    s = 0; for (k = 1; k <= 17; k++) s += substr(first, k, 1) * w[k]
    c = (12 - s % 11) % 11
    printf "人员%05d,%s%s,ENGINEERING,中级,4453\n", i, first, (c == 10 ? "X" : c)
  }
}' > "$file"
echo "file: $file ($(wc -l < "$file") lines, $(du -k "$file" | cut -f1) KB)"

import_file() {
  curl -s -o "$work/report-$1.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" \
    -H 'Content-Type: text/csv' -H 'Accept: application/json' --data-binary "@$file" "$base/api/employer/staff/import"
}
counts() { grep -o '"created":[0-9]*,"linked":[0-9]*,"moved":[0-9]*,"unchanged":[0-9]*,"refused":[0-9]*' "$work/report-$1.json"; }

read -r status1 time1 < <(import_file first)
[[ $status1 == 200 ]] || { echo "first import answered $status1: $(head -c 500 "$work/report-first.json")" >&2; exit 1; }
read -r status2 time2 < <(import_file second)
[[ $status2 == 200 ]] || { echo "second import answered $status2: $(head -c 500 "$work/report-second.json")" >&2; exit 1; }
echo "staff import, $ROWS rows: first  ${time1} s  $(counts first)"
echo "staff import, $ROWS rows: second ${time2} s  $(counts second)"
