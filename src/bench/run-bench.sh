#!/usr/bin/env bash
# The delivery benchmark of issue 6: how fast `digest send` goes against the raw SMTP limit of this
# machine and against the naive Java baseline, at the same message size and connection count.
#
#   src/bench/run-bench.sh [N] [CONNECTIONS]        (defaults: 20000 subscribers, 4 connections)
#
# Needs Postfix's smtp-sink and smtp-source (Debian package `postfix`; only the binaries are run, no
# daemon), Java 17 and Maven. Builds target/digest.jar when it is missing (BUILD=1 rebuilds it).
# Environment: JAVA_OPTS for the digest JVM (e.g. -Xmx256m), NAIVE=0 skips the naive baseline,
# KEEP=1 keeps the temporary folder, JFR=1 records a profile of the send into it, DKIM=1 signs every
# message (RSA-2048 key made by digest dkim keygen).
set -euo pipefail

N=${1:-20000}
CONNECTIONS=${2:-4}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$REPO/target/digest.jar
SINK=${SMTP_SINK:-/usr/sbin/smtp-sink}
SOURCE=${SMTP_SOURCE:-/usr/sbin/smtp-source}

for tool in "$SINK" "$SOURCE"; do
  [[ -x $tool ]] || { echo "bench: $tool not found; install Debian's postfix package (apt-get install -y postfix)" >&2; exit 2; }
done
if [[ ! -f $JAR || ${BUILD:-0} == 1 ]]; then
  (cd "$REPO" && mvn -q -B package -DskipTests)
fi

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
WORK=$(mktemp -d /tmp/digest-bench.XXXXXX)
SINK_PID=""
cleanup() {
  [[ -n $SINK_PID ]] && kill "$SINK_PID" 2>/dev/null || true
  [[ ${KEEP:-0} == 1 ]] && echo "bench: kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# --- the subscribers and the setup of a clean install -----------------------------------------
mkdir -p "$WORK/subscribers"
cp -r "$REPO/templates" "$REPO/sources" "$WORK/"
awk -v n="$N" 'BEGIN {
  split("María José Núñez|Ramón Ibáñez|Lucía Peña|John Carter|Ana Belén Muñoz|Joaquín Sáenz|Emily Brown|Sofía Gutiérrez", names, "|");
  print "email,name,locale,topics,timezone";
  for (i = 1; i <= n; i++) {
    locale = (i % 4 == 0) ? "en" : "es-AR";
    printf "lector%07d@example.org,%s %d,%s,,\n", i, names[(i % 8) + 1], i, locale;
  }
}' > "$WORK/subscribers/bench.csv"

DATE=2025-12-16
write_config() { # $1 = folder, $2 = smtp host, $3 = port
  cat > "$1/digest.yml" <<EOF
newsletter:
  base-url: https://resumen.example.org
smtp:
  host: "$2"
  port: $3
  connections: $CONNECTIONS
EOF
  if [[ ${DKIM:-0} == 1 ]]; then
    printf 'dkim:\n  domain: example.org\n  selector: bench\n  private-key: %s\n' "$WORK/dkim/bench.private.pem" >> "$1/digest.yml"
  fi
}
if [[ ${DKIM:-0} == 1 ]]; then # every message signed (RSA-2048), as in production
  java -jar "$JAR" dkim keygen --selector bench --out "$WORK/dkim" --domain example.org > "$WORK/dkim.out" 2>&1 \
    || { cat "$WORK/dkim.out"; exit 1; }
fi

# One real digest to the embedded server, to learn the size of a message on the wire.
mkdir -p "$WORK/probe/subscribers"
cp -r "$REPO/templates" "$REPO/sources" "$WORK/probe/"
head -2 "$WORK/subscribers/bench.csv" > "$WORK/probe/subscribers/one.csv"
write_config "$WORK/probe" "" 25
(cd "$WORK/probe" && java -jar "$JAR" send --date $DATE > probe.out 2>&1) || { cat "$WORK/probe/probe.out"; exit 1; }
SIZE=$(stat -c %s "$WORK"/probe/outbox/*.eml | head -1)

PORT=$(free_port)
"$SINK" -u postfix -c 127.0.0.1:"$PORT" 1024 > "$WORK/sink.out" 2>&1 &
SINK_PID=$!
sleep 0.5

# --- the raw SMTP limit: smtp-source, same size, same number of reused connections -------------
SRC_START=$(date +%s.%N)
"$SOURCE" -d -s "$CONNECTIONS" -m "$N" -l "$SIZE" -f bench@example.org -t sink@example.org 127.0.0.1:"$PORT"
SRC_END=$(date +%s.%N)
SRC_RATE=$(echo "$N / ($SRC_END - $SRC_START)" | bc -l)

# --- digest send ---------------------------------------------------------------------------------
write_config "$WORK" 127.0.0.1 "$PORT"
cat > "$WORK/logback-bench.xml" <<'EOF'
<configuration>
  <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
    <target>System.err</target>
    <encoder><pattern>%msg%n</pattern></encoder>
  </appender>
  <logger name="org.resumen.digest" level="WARN"/>
  <logger name="org.resumen.digest.delivery.throughput" level="INFO"/>
  <logger name="org.thymeleaf" level="OFF"/>
  <root level="WARN"><appender-ref ref="STDERR"/></root>
</configuration>
EOF
cd "$WORK"
# The subscriber files are read into the database first, as they would be by any earlier command.
java ${JAVA_OPTS:-} -jar "$JAR" subscribers list > sync.out 2>&1 || { tail -5 sync.out; exit 1; }
JFR_OPTS=""
[[ ${JFR:-0} == 1 ]] && JFR_OPTS="-XX:StartFlightRecording=filename=$WORK/send.jfr,settings=profile"
# shellcheck disable=SC2086
/usr/bin/time -f '%e %U %S %M' -o time.out \
  java ${JAVA_OPTS:-} $JFR_OPTS -Xlog:gc:file=gc.log -Dlogback.configurationFile="$WORK/logback-bench.xml" \
  -jar "$JAR" send --date $DATE > send.out 2> send.err || { tail -20 send.out send.err; exit 1; }
read -r WALL USER SYS RSS_KB < time.out
SUMMARY=$(grep -E '^Edition ' send.out | tail -1)
# "delivered 20000 messages in 3.2 s (6250.0 msg/s)": the delivery phase, first claim to last record.
DIGEST_RATE=$(grep -oE 'delivered [0-9]+ messages in [0-9.]+ s \(([0-9.]+) msg/s' send.err | tail -1 | grep -oE '[0-9.]+ msg/s' | grep -oE '^[0-9.]+' || true)
if [[ -z $DIGEST_RATE ]]; then # an engine without the throughput log: the last progress line
  DIGEST_RATE=$(grep -oE '[0-9.]+ msg/s' send.out | tail -1 | grep -oE '^[0-9.]+')
fi
SENT=$(echo "$SUMMARY" | grep -oE '[0-9]+ sent' | head -1 | grep -oE '^[0-9]+')
E2E_RATE=$(echo "$SENT / $WALL" | bc -l)
PEAK_HEAP=$(grep -oE '[0-9]+M->[0-9]+M' gc.log | sed 's/M->.*//' | sort -n | tail -1)
CPU=$(echo "$USER + $SYS" | bc -l)

# --- the naive baseline: a full Thymeleaf render and a static Transport.send per message ----------
NAIVE_RATE=""
if [[ ${NAIVE:-1} == 1 ]]; then
  NAIVE_DIR=${NAIVE_DIR:-/work/shared/bench/naive-java}
  [[ -d $NAIVE_DIR ]] || NAIVE_DIR=$REPO/src/bench/naive-java
  cp -r "$NAIVE_DIR" "$WORK/naive" && chmod -R u+w "$WORK/naive"
  (cd "$WORK/naive" && mvn -q -B package dependency:build-classpath -Dmdep.outputFile=cp.txt > build.out 2>&1) \
    || { tail -20 "$WORK/naive/build.out"; exit 1; }
  NAIVE_OUT=$(cd "$WORK/naive" && java -cp "target/classes:$(cat cp.txt)" -Dnodelay=true bench.NaiveFull 1 500 5000 "$PORT")
  NAIVE_RATE=$(echo "$NAIVE_OUT" | grep measure | grep -oE 'msgs_per_s=[0-9.]+' | cut -d= -f2)
fi

printf '\n%s\n' "$SUMMARY"
printf 'subscribers %d, connections %d, message %d bytes\n' "$N" "$CONNECTIONS" "$SIZE"
printf 'smtp-source (raw SMTP limit)  %8.0f msg/s\n' "$SRC_RATE"
printf 'digest send (delivery phase)  %8.0f msg/s   ratio to smtp-source %.2f\n' "$DIGEST_RATE" "$(echo "$DIGEST_RATE / $SRC_RATE" | bc -l)"
printf 'digest send (whole command)   %8.0f msg/s   (%.1f s wall, JVM start, sync and edition included)\n' "$E2E_RATE" "$WALL"
[[ -n $NAIVE_RATE ]] && printf 'naive baseline                %8.0f msg/s   digest = %.1fx naive\n' "$NAIVE_RATE" "$(echo "$DIGEST_RATE / $NAIVE_RATE" | bc -l)"
printf 'digest send CPU %.1f s (%.2f ms/msg), peak heap %s MB (GC log), max RSS %d MB\n' \
  "$CPU" "$(echo "1000 * $CPU / $N" | bc -l)" "${PEAK_HEAP:-?}" "$((RSS_KB / 1024))"
printf 'load average before the run %s (other processes on this machine skew every figure)\n' "$LOAD_BEFORE"
printf 'RESULT n=%d conn=%d size=%d source=%.0f digest=%.0f ratio=%.3f e2e=%.0f naive=%s xnaive=%s cpu=%.1f heap=%s rss=%d load=%s\n' \
  "$N" "$CONNECTIONS" "$SIZE" "$SRC_RATE" "$DIGEST_RATE" "$(echo "$DIGEST_RATE / $SRC_RATE" | bc -l)" "$E2E_RATE" \
  "${NAIVE_RATE:-}" "$([[ -n $NAIVE_RATE ]] && printf '%.1f' "$(echo "$DIGEST_RATE / $NAIVE_RATE" | bc -l)")" \
  "$CPU" "${PEAK_HEAP:-?}" "$((RSS_KB / 1024))" "$LOAD_BEFORE"
