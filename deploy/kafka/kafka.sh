#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft) for local use and tests, run with the machine's JDK.
#   kafka.sh fetch                              fetch the jars from Maven Central once (cached in deploy/kafka/lib)
#   kafka.sh start [--dir DIR] [--port PORT]    format storage on first use, start, wait until ready
#   kafka.sh wait  [--dir DIR] [--timeout S]    wait until the broker has started
#   kafka.sh stop  [--dir DIR]                  stop it and wait for the process to end
#   kafka.sh status [--dir DIR]
# The controller listens on PORT+1. Everything the broker writes stays under DIR (default .data/kafka).
# KAFKA_VERSION picks the broker (default 4.4.0, the current 4.x line; 3.9.1 for users still on 3.x):
# each line has its own jar set (pom.xml, pom-3.xml) and its own logging. A data DIR formatted by one
# line is not reused by the other: use another DIR when switching.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="${KAFKA_VERSION:-4.4.0}"
case "$version" in
  3.*) line=3; pom="$here/pom-3.xml" ;;
  4.*) line=4; pom="$here/pom.xml" ;;
  *) echo "kafka.sh: KAFKA_VERSION=$version is neither a 3.x nor a 4.x release" >&2; exit 2 ;;
esac
lib="$here/lib/$version"
dir="${KAFKA_DIR:-$here/../../.data/kafka}"
port="${KAFKA_PORT:-9092}"
timeout_s=120

cmd="${1:-}"; shift || true
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    *) echo "kafka.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

fetch() {
  local binding='log4j-slf4j-impl-*.jar'
  [ "$line" = 3 ] && binding='slf4j-reload4j-*.jar'
  if compgen -G "$lib/kafka_2.13-$version.jar" >/dev/null && compgen -G "$lib/$binding" >/dev/null; then return 0; fi
  command -v mvn >/dev/null || { echo "kafka.sh: Maven (mvn) is needed to fetch Kafka from Maven Central" >&2; exit 1; }
  command -v java >/dev/null || { echo "kafka.sh: a JDK (java) is needed to run Kafka" >&2; exit 1; }
  echo "kafka.sh: fetching Kafka $version jars from Maven Central into $lib" >&2
  rm -rf "$lib.partial"
  mvn -q -B -f "$pom" -Dkafka.version="$version" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$lib.partial" >&2
  rm -rf "$lib" && mv "$lib.partial" "$lib"
}

pid_of() { [ -f "$dir/kafka.pid" ] && cat "$dir/kafka.pid" || true; }
running() { local pid; pid="$(pid_of)"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

write_config() {
  mkdir -p "$dir/logs"
  dir="$(cd "$dir" && pwd)"
  local controller_port=$((port + 1))
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/logs
num.partitions=3
auto.create.topics.enable=true
# One broker: every internal topic has one replica, or consumer groups never find a coordinator.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=5
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
# Consumers may ask for sessions down to 1 s (the set asks for 3 s: a killed member's partitions move on sooner).
group.min.session.timeout.ms=1000
PROPS
  # Warnings, and the one line wait_ready looks for ("Kafka Server started", from KafkaRaftServer).
  if [ "$line" = 3 ]; then
    cat > "$dir/log4j.properties" <<PROPS
log4j.rootLogger=WARN, file
log4j.logger.kafka.server.KafkaRaftServer=INFO
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$dir/server.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
PROPS
  else
    cat > "$dir/log4j2.properties" <<PROPS
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = $dir/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.file.ref = file
logger.started.name = kafka.server.KafkaRaftServer
logger.started.level = info
PROPS
  fi
}

java_opts=(-Xms256m -Xmx512m -Djava.awt.headless=true)
logging_opt() {
  if [ "$line" = 3 ]; then echo "-Dlog4j.configuration=file:$dir/log4j.properties"; else echo "-Dlog4j2.configurationFile=file:$dir/log4j2.properties"; fi
}

start() {
  fetch
  if running; then echo "kafka.sh: already running (pid $(pid_of)) in $dir" >&2; return 0; fi
  write_config
  local logging; logging="$(logging_opt)"
  if [ ! -f "$dir/logs/meta.properties" ]; then
    local cluster_id
    cluster_id="$(java "${java_opts[@]}" "$logging" -cp "$lib/*" kafka.tools.StorageTool random-uuid)"
    java "${java_opts[@]}" "$logging" -cp "$lib/*" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" >/dev/null
  fi
  : > "$dir/server.log"
  nohup java "${java_opts[@]}" "$logging" -cp "$lib/*" \
    kafka.Kafka "$dir/server.properties" > "$dir/stdout.log" 2>&1 &
  echo $! > "$dir/kafka.pid"
  wait_ready
  echo "kafka.sh: Kafka $version broker ready at 127.0.0.1:$port (pid $(pid_of), data in $dir)" >&2
}

wait_ready() {
  local deadline=$((SECONDS + timeout_s))
  until grep -q "Kafka Server started" "$dir/server.log" 2>/dev/null; do
    if ! running; then
      echo "kafka.sh: the broker exited during start; last lines of its logs:" >&2
      tail -n 20 "$dir/stdout.log" "$dir/server.log" >&2 || true
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then echo "kafka.sh: the broker did not start within ${timeout_s}s" >&2; exit 1; fi
    sleep 0.25
  done
}

stop() {
  local pid; pid="$(pid_of)"
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then rm -f "$dir/kafka.pid"; return 0; fi
  kill "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || { rm -f "$dir/kafka.pid"; return 0; }; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/kafka.pid"
}

case "$cmd" in
  fetch) fetch ;;
  start) start ;;
  wait) wait_ready ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(pid_of))"; else echo "stopped"; exit 1; fi ;;
  *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
