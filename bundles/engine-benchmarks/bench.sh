#!/bin/sh
# Runs the engine benchmarks against raw JDBC on the same database, in the same run, and prints the ratios.
#   bundles/engine-benchmarks/bench.sh [import-rows] [search-records]
# Defaults: 100,000 rows imported from .xlsx (JVM capped at 256 MiB heap), 1,000,000 records searched.
# Set XASO_BENCH_POSTGRES_URL=jdbc:postgresql://host/db?user=..&password=.. to measure on PostgreSQL instead of Derby.
# BENCH=import or BENCH=search runs one of the two.
# Needs the project built once (mvn -DskipTests install, or mvn verify).
set -e
cd "$(dirname "$0")"
ROWS=${1:-100000}
RECORDS=${2:-1000000}
if [ -z "$JAVA_HOME" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64; fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
mvn -q -o compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null 2>&1 \
  || mvn -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="target/classes:$(cat target/classpath.txt)"
LOG="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
if [ "${BENCH:-all}" != search ]; then
  echo "== import (heap capped at 256 MiB)"
  "$JAVA" -Xmx256m $LOG -cp "$CP" org.xaso.bench.ImportBenchmark "$ROWS"
fi
if [ "${BENCH:-all}" != import ]; then
  echo "== search and statistics"
  "$JAVA" -Xmx2g $LOG -cp "$CP" org.xaso.bench.SearchBenchmark "$RECORDS"
fi
