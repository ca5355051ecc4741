#!/bin/sh
# Start-up time and peak memory of the provider plugin, as the Pulumi engine experiences them
# on every pulumi command. Usage: bench/provider-startup.sh [RUNS]   (default 15)
# Extra JVM options for the plugin can be tried with MTASTS_PROVIDER_JAVA_OPTS.
set -e
cd "$(dirname "$0")/.."
jar=provider/target/pulumi-resource-mtasts.jar
[ -f "$jar" ] || ./mvnw -q package -DskipTests
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$jar" bench/ProviderStartup.java "$@"
