#!/bin/sh
#
# Measures the distribution as a province IT team meets it: cold boot to the first successful REST call, resident
# memory after boot (and once demo data is loaded), and the time from feature:install of a register feature to its
# first answer. Not a test: run it by hand after "mvn install" (it uses ports 28181/28101).
#
#   karaf-assembly/src/test/bench/measure-boot.sh
#
set -eu
HERE=$(cd "$(dirname "$0")/../../.." && pwd)
ARCHIVE=$(ls "$HERE"/target/xaso-karaf-assembly-*.tar.gz | head -n 1)
WORK=$(mktemp -d)
trap 'if [ -x "$WORK/x/bin/stop" ]; then "$WORK/x/bin/stop" >/dev/null 2>&1 || true; sleep 3; fi; rm -rf "$WORK"' EXIT

mkdir "$WORK/x" && tar -xzf "$ARCHIVE" -C "$WORK/x" --strip-components=1
X="$WORK/x"
sed -i 's/^org.osgi.service.http.port = .*/org.osgi.service.http.port = 28181/' "$X/etc/org.ops4j.pax.web.cfg"
sed -i 's/^sshPort = .*/sshPort = 28101/' "$X/etc/org.apache.karaf.shell.cfg"
sed -i 's/^rmiRegistryPort = .*/rmiRegistryPort = 21099/; s/^rmiServerPort = .*/rmiServerPort = 54444/' "$X/etc/org.apache.karaf.management.cfg"
PW=bench-$(date +%s)-password
XASO_ADMIN_PASSWORD=$PW "$X/bin/xaso-setup" >/dev/null
API=http://127.0.0.1:28181/api/v1
ms() { date +%s%3N; }

t0=$(ms)
"$X/bin/start"
until curl -sf -o /dev/null "$API/registers"; do sleep 0.1; done
t1=$(ms)
pid=$(pgrep -f "karaf.base=$X" | head -n 1)
rss_boot=$(ps -o rss= -p "$pid")
until [ "$(curl -sf "$API/communes/27793/registers/crop-status/records?source=demo&limit=0" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')" -ge 40 ] 2>/dev/null; do sleep 0.5; done
t2=$(ms)
sleep 5
rss_demo=$(ps -o rss= -p "$pid")

client() { echo "$1" | "$X/bin/client" -p 28101 -u admin -p "$PW" -b >/dev/null 2>&1; }
client "feature:uninstall xaso-register-agriculture"
t3=$(ms)
client "feature:install xaso-register-agriculture"
until curl -sf -o /dev/null "$API/communes/27793/registers/farming-household/records?limit=0"; do sleep 0.05; done
t4=$(ms)

echo "cold boot to first REST answer      : $((t1 - t0)) ms"
echo "boot to demo data loaded            : $((t2 - t0)) ms"
echo "resident memory after boot          : $((rss_boot / 1024)) MiB"
echo "resident memory with demo data      : $((rss_demo / 1024)) MiB"
echo "feature:install to first answer     : $((t4 - t3)) ms (includes the console round trip)"
