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
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "Please install: ${missing[*]}" >&2; exit 1; fi
  echo "installing ${missing[*]} from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash deploy/kafka/kafka.sh fetch
echo "java $(java -version 2>&1 | head -1 | cut -d'"' -f2), maven, Kafka jars: ready"
