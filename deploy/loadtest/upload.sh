#!/usr/bin/env bash
# An editor's upload of a 1 GB video through the browser path (Chromium → presigned part URLs →
# the object store; the service only signs and completes) against the plain MinIO Java client
# sending the same file to the same store, and the service's resident memory during the browser
# upload against its idle figure. The store is S3Proxy in its own process, so the service's memory
# is the service's alone.
#
#   bash deploy/loadtest/upload.sh          # SIZE_MB=1024 by default; figures also in target/upload-results.txt
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/target/upload
results=$here/target/upload-results.txt
SIZE_MB=${SIZE_MB:-1024}
PORT=${PORT:-8095}
S3PORT=${S3PORT:-9095}
DB=xueshi_upload
mkdir -p "$work" && : > "$results"
say() { echo "$*" | tee -a "$results"; }

(cd "$root" && mvn -B -q -Dproduction -DskipTests package)
mvn -B -q -f "$here/pom.xml" package -DskipTests
(cd "$root/src/test/e2e" && npm install --no-audit --no-fund --no-package-lock --loglevel=error)

pg_ctlcluster --skip-systemctl-redirect 15 main start 2>/dev/null || true
runuser -u postgres -- psql -q -X -c "drop database if exists $DB" -c "drop role if exists xueshi_up" \
  -c "create role xueshi_up login password 'bench'" -c "create database $DB owner xueshi_up"
rm -rf "$work/objects" && mkdir -p "$work/objects"
cat > "$work/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$S3PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench
s3proxy.credential=bench-secret
s3proxy.cors-allow-origins=http://127.0.0.1:$PORT
s3proxy.cors-allow-methods=GET HEAD PUT
s3proxy.cors-allow-headers=content-type range
s3proxy.cors-exposed-headers=ETag
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/objects
PROPS
java -Xmx256m -cp "$here/target/lib/*" org.gaul.s3proxy.Main --properties "$work/s3proxy.properties" > "$work/s3proxy.log" 2>&1 &
s3pid=$!
[[ -f $work/private-key.pem ]] || { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private-key.pem" 2>/dev/null
  openssl pkey -in "$work/private-key.pem" -pubout -out "$work/public-key.pem"; }
(cd "$root/target/quarkus-app" && exec env QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=9196 \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
  QUARKUS_DATASOURCE_USERNAME=xueshi_up QUARKUS_DATASOURCE_PASSWORD=bench \
  XUESHI_STORAGE_ENDPOINT=http://127.0.0.1:$S3PORT XUESHI_STORAGE_ACCESS_KEY=bench XUESHI_STORAGE_SECRET_KEY=bench-secret \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:$work/public-key.pem SMALLRYE_JWT_SIGN_KEY_LOCATION=file:$work/private-key.pem \
  XUESHI_IDENTITY_SECURE_COOKIE=false XUESHI_IDENTITY_SEED_DEMO=true XUESHI_CONTENT_DIR=$root/content \
  java -Xmx320m -XX:+UseParallelGC -jar quarkus-run.jar) > "$work/service.log" 2>&1 &
svc=$!
trap 'kill $svc $s3pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:9196/q/health/ready" >/dev/null; do kill -0 $svc || { tail -40 "$work/service.log"; exit 1; }; sleep 0.2; done

# a real MP4 (a shipped lesson) grown to SIZE_MB with a trailing free box: a valid video of that size
video=$work/lesson-${SIZE_MB}mb.mp4
if [[ ! -f $video ]]; then
  python3 - "$root/content/2026/lessons/ai-1.mp4" "$video" "$SIZE_MB" <<'PY'
import os, struct, sys
src, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read()
pad = mb * 1024 * 1024 - len(data)
with open(out, 'wb') as f:
    f.write(data); f.write(struct.pack('>I', pad) + b'free')
    block = os.urandom(1 << 20)   # incompressible, like video
    left = pad - 8
    while left > 0:
        n = min(len(block), left); f.write(block[:n]); left -= n
PY
fi
size=$(stat -c %s "$video")
sleep 3
idle=$(( $(ps -o rss= -p $svc) / 1024 ))
say "upload: file $size bytes; service idle RSS ${idle} MB"

java -cp "$here/target/xueshi-loadtest-0.1.0-SNAPSHOT.jar:$here/target/lib/*" xueshi.loadtest.MinioUpload \
  http://127.0.0.1:$S3PORT bench bench-secret xueshi-media "$video" 8388608 | tee -a "$results"

max=0
( while kill -0 $svc 2>/dev/null; do r=$(( $(ps -o rss= -p $svc) / 1024 )); ((r > max)) && max=$r; echo $max > "$work/rss.max"; sleep 0.5; done ) &
sampler=$!
browser=$(cd "$here" && node upload-browser.mjs "http://127.0.0.1:$PORT" "$video")
kill $sampler 2>/dev/null || true
say "$browser"
say "upload: service RSS during the browser upload peaked at $(cat "$work/rss.max") MB (idle ${idle} MB, aim <= idle + 50)"
minio=$(sed -n 's/.*= \([0-9.]*\) MB\/s.*/\1/p' "$results" | head -1)
brow=$(sed -n 's/^browser-path.*= \([0-9.]*\) MB\/s.*/\1/p' "$results" | head -1)
say "upload: browser path / MinIO client = $(python3 -c "print(round($brow / $minio, 2))") (aim >= 0.8)"
