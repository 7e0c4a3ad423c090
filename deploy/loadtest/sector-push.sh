#!/usr/bin/env bash
# The sector-push benchmark: 10,000 health professionals are registered (employer1's staff import),
# the demo HEALTH system client (health-system / xueshi-demo) pushes one batch of 10,000 records for
# them (after a warm-up batch of other records), then the same batch again; in the same run PostgreSQL itself inserts the same 10,000 rows
# into hour_entry with one plain set-based statement (the yardstick). Prints the three figures.
#
#   bash deploy/loadtest/sector-push.sh     # builds and starts the packaged service (embedded PostgreSQL
#                                           # and S3 under a fresh folder); needs psql (Debian's postgresql-client)
#
# Settings (environment): ROWS (10000), PORT (8093), SKIP_BUILD (set: reuse target/quarkus-app).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/target/sector-push
mkdir -p "$work"
ROWS=${ROWS:-10000}
PORT=${PORT:-8093}
svc=""

stop_service() { [[ -n $svc ]] && { kill "$svc" 2>/dev/null || true; wait "$svc" 2>/dev/null || true; }; }
trap stop_service EXIT

[[ -n ${SKIP_BUILD:-} ]] || (cd "$root" && mvn -B -q -DskipTests package)
rm -rf "$work/data"
(cd "$root" && exec env XUESHI_DATA_DIR="$work/data" QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1100)) \
  java -Xmx512m -jar target/quarkus-app/quarkus-run.jar) > "$work/service.log" 2>&1 &
svc=$!
base=http://127.0.0.1:$PORT
until curl -sf "$base/api/ping" > /dev/null; do
  kill -0 "$svc" 2>/dev/null || { tail -50 "$work/service.log"; exit 1; }
  sleep 0.2
done
json_field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\\1/"; }
employer=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"employer1","password":"xueshi-demo"}' \
  "$base/api/auth/login" | json_field token)
system=$(curl -sf -H 'Content-Type: application/json' -d '{"clientId":"health-system","clientSecret":"xueshi-demo"}' \
  "$base/api/auth/clients/token" | json_field token)

# ROWS health professionals born on distinct days in Yunfu (445302), each ID number with its GB 11643
# check character; the same people as a push batch of one PROFESSIONAL record each, completed today
today=$(TZ=Asia/Shanghai date +%F)
year=${today%%-*}
awk -v rows="$ROWS" -v csv="$work/staff.csv" -v push="$work/push.json" -v today="$today" -v year="$year" 'BEGIN {
  split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
  split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
  print "姓名,身份证号,行业,职称级别,所在城市" > csv
  printf "{\"records\":[" > push
  for (i = 0; i < rows; i++) {
    day = int(i / 900); seq = 100 + i % 900
    y = 1970 + int(day / 365); d = day % 365; m = 1
    while (d >= mdays[m]) { d -= mdays[m]; m++ }
    first = sprintf("445302%04d%02d%02d%03d", y, m, d + 1, seq)
    s = 0; for (k = 1; k <= 17; k++) s += substr(first, k, 1) * w[k]
    c = (12 - s % 11) % 11
    id = first (c == 10 ? "X" : c)
    printf "医护%05d,%s,HEALTH,中级,4453\n", i, id > csv
    printf "%s{\"recordId\":\"HX-%s-%06d\",\"idNumber\":\"%s\",\"name\":\"医护%05d\",\"year\":%s,\"category\":\"PROFESSIONAL\",\"hours\":2.5,\"source\":\"%s 年广东省继续医学教育项目：急诊急救能力提升\",\"completedOn\":\"%s\"}", \
      (i ? "," : ""), year, i, id, i, year, year, today > push
  }
  print "]}" > push
}'
echo "staff file: $(($(wc -l < "$work/staff.csv") - 1)) rows; push body: $(du -k "$work/push.json" | cut -f1) KB"
status=$(curl -s -o "$work/import.json" -w '%{http_code}' -H "Authorization: Bearer $employer" -H 'Content-Type: text/csv' \
  --data-binary "@$work/staff.csv" "$base/api/employer/staff/import")
[[ $status == 200 ]] || { echo "staff import answered $status: $(head -c 300 "$work/import.json")" >&2; exit 1; }
echo "staff import: $(grep -o '"created":[0-9]*' "$work/import.json")"

push() {
  curl -s -o "$work/report-$1.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $system" \
    -H 'Content-Type: application/json' -H 'Accept: application/json' --data-binary "@$work/push.json" "$base/api/sector/hours"
}
counts() { grep -o '"accepted":[0-9]*,"duplicates":[0-9]*,"refused":[0-9]*' "$work/report-$1.json"; }
# a fresh JVM compiles the push path during its first batch: one batch of other records (the same
# people's electives, their own record ids) first, so that the figures are the service's steady state
sed 's/"recordId":"HX-/"recordId":"WU-/g; s/"PROFESSIONAL"/"ELECTIVE"/g' "$work/push.json" > "$work/warm-up.json"
warm=$(curl -s -o "$work/report-warm-up.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $system" \
  -H 'Content-Type: application/json' --data-binary "@$work/warm-up.json" "$base/api/sector/hours")
echo "warm-up push (a fresh JVM, other record ids): $warm s  $(counts warm-up)"
read -r status1 time1 < <(push first)
[[ $status1 == 200 ]] || { echo "push answered $status1: $(head -c 500 "$work/report-first.json")" >&2; exit 1; }
read -r status2 time2 < <(push replay)
[[ $status2 == 200 ]] || { echo "replay answered $status2: $(head -c 500 "$work/report-replay.json")" >&2; exit 1; }

# the yardstick, on the same embedded PostgreSQL: the same 10,000 people, one insert … select into
# hour_entry (its indexes and checks), committed; a source of its own so that the pushed entries stay
pg_port=$(sed -n 4p "$work/data/postgres/postmaster.pid")
export PGPASSWORD; PGPASSWORD=$(cat "$work/data/keys/database-secret")
sql_ms=$(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 <<SQL | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p'
\timing on
insert into hour_entry (professional_id, year, category, source, source_ref, kind, status, hours, title, recorded_by, recorded_at)
select p.id, $year, 'PROFESSIONAL', 'ADJUSTMENT', 'bench:' || p.id_number, 'CREDIT', 'CONFIRMED', 2.5,
       '$year 年广东省继续医学教育项目：急诊急救能力提升', 'bench', now()
  from professional p where p.sector = 'HEALTH' and p.name like '医护%';
SQL
)
ledger=$(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qAt \
  -c "select count(*) from hour_entry where source = 'SECTOR_PUSH'")
echo "sector push, $ROWS records: first  ${time1} s  $(counts first)"
echo "sector push, $ROWS records: replay ${time2} s  $(counts replay)  (ledger entries from pushes, warm-up included: $ledger)"
echo "PostgreSQL alone, the same $ROWS rows into hour_entry in one statement: ${sql_ms} ms"
awk -v a="$time1" -v b="$sql_ms" 'BEGIN { printf "push / PostgreSQL alone = %.1f\n", a * 1000 / b }'
