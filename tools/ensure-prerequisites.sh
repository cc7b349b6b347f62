#!/usr/bin/env bash
# Installs what the tests and the platform need beyond node_modules, where it is missing:
# a JDK and Maven for the Kafka broker, the Kafka jars themselves, a compose client for
# `docker compose config`, and Chromium with a Chinese font for the browser tests. Uses only Debian's packages and Maven Central.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
# `docker compose config` checks docker-compose.yml; no engine is needed. Debian ships the client as docker-compose.
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null || missing+=(docker-compose)
# The browser tests drive Debian's Chromium; a CJK font makes the Chinese UI readable in screenshots.
command -v chromium >/dev/null || [ -n "${GONGZHI_CHROMIUM:-}" ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qiE 'wqy|noto.*cjk' || missing+=(fonts-wqy-microhei)
# The unit tier runs a second time with the clock moved a year ahead (tools/test.sh).
command -v faketime >/dev/null || missing+=(faketime)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "Please install: ${missing[*]}" >&2; exit 1; fi
  echo "installing ${missing[*]} from Debian's packages"
  # On a fresh machine another install may hold Debian's package locks for a while: wait for them (up to
  # 10 minutes) rather than fail. The install waits on the dpkg lock itself; `update` is retried while the
  # package lists are locked.
  apt_get=(apt-get -o DPkg::Lock::Timeout=600)
  for attempt in $(seq 1 60); do
    "${apt_get[@]}" update -qq && break
    [ "$attempt" -lt 60 ] || { echo "apt-get update kept failing for 10 minutes" >&2; exit 1; }
    echo "apt-get update failed (another install may hold the package lists); trying again in 10 s" >&2
    sleep 10
  done
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${missing[@]}" >/dev/null
fi
bash deploy/kafka/kafka.sh fetch
echo "java $(java -version 2>&1 | head -1 | cut -d'"' -f2), maven, Kafka jars: ready"
