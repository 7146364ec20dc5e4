#!/usr/bin/env bash
# Runs one of the ReadOnce benchmarks from a clean clone (see checker/docs/performance.md):
#
#   src/benchmarks/run.sh compile [options]   compile overhead on Guava and the slot-dense corpus
#   src/benchmarks/run.sh scaling [options]   analysis time against method size
#   src/benchmarks/run.sh audit   [options]   audit mode over 17 library artifacts (audit.md)
#   src/benchmarks/run.sh jmh     [JMH options] the walker and slot-read microbenchmarks
#   src/benchmarks/run.sh profile [scaling] [options]   JFR profile of the checker, split by part
#
# Builds first with `mvn -Pbench package -DskipTests` (set SKIP_BUILD=1 to reuse a build). The
# normal build (mvn verify) does not include any of this.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bench="$root/src/benchmarks"
what=${1:?usage: run.sh compile|scaling|audit|jmh [options]}
shift

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$root" && mvn -B -q -Pbench package -DskipTests)
fi

# javac's internals, which Error Prone needs when it runs inside this JVM (as in .mvn/jvm.config).
exports=()
while read -r flag; do
  [[ -n "$flag" ]] && exports+=("$flag")
done < "$root/.mvn/jvm.config"

cp="$bench/target/classes:$bench/target/lib/*"
corpora="$bench/corpora"
work="$bench/target/bench"
walker_cp=$(ls "$bench"/target/lib/readonce-annotations-*.jar)
walker_jar=$(ls "$bench"/target/lib/readonce-sample-walker-*.jar)
# A fixed heap, so that heap sizing does not differ between rounds.
jvm=(java -Xms6g -Xmx6g "${exports[@]}" -cp "$cp")

# The audit's libraries: NAME=corpus directory, one per corpus module (see checker/docs/audit.md).
audit_libraries() {
  local out="" spec
  for spec in guava-33.4.0=guava caffeine-3.3.1=caffeine jctools-4.0.5=jctools \
      reactor-core-3.7.1=reactor-core rxjava-3.1.10=rxjava \
      netty-common-4.1.115=netty-common netty-buffer-4.1.115=netty-buffer \
      netty-transport-4.1.115=netty-transport netty-handler-4.1.115=netty-handler \
      netty-codec-http-4.1.115=netty-codec-http agrona-1.23.1=agrona disruptor-4.0.0=disruptor \
      hikaricp-6.2.1=hikaricp commons-pool2-2.12.0=commons-pool2 jetty-util-12.0.16=jetty-util \
      jetty-io-12.0.16=jetty-io jetty-server-12.0.16=jetty-server jetty-http-12.0.16=jetty-http; do
    out+="${out:+,}${spec%%=*}=$corpora/${spec#*=}/target/corpus"
  done
  echo "$out"
}

case "$what" in
  compile)
    exec "${jvm[@]}" dev.readonce.bench.compile.CompileOverhead --work "$work/compile" \
      --guava "$corpora/guava/target/corpus" \
      --walker-sources "$root/sample-walker/src/main/java" --walker-classpath "$walker_cp" "$@" ;;
  scaling)
    exec "${jvm[@]}" dev.readonce.bench.compile.Scaling --work "$work/scaling" \
      --classpath "$walker_cp:$walker_jar" "$@" ;;
  audit)
    exec "${jvm[@]}" dev.readonce.bench.audit.Audit --work "$work/audit" \
      --library "$(audit_libraries)" --pooled 60 \
      "$@" ;;
  profile)
    # Compiles with the ReadOnce checks under JFR, then splits the samples (javac, checker, and
    # the checker's parts). Default: the slot-dense corpus; `profile scaling --sizes 1000`
    # profiles the scaling benchmark instead.
    jfr="$work/profile.jfr"
    mkdir -p "$work"
    # Deep stacks (Error Prone, the dataflow framework) are kept whole: a stack cut at JFR's
    # default 64 frames loses the frames that say whose the sample is.
    record=("${jvm[@]}" -XX:FlightRecorderOptions:stackdepth=2048
      -XX:StartFlightRecording=filename="$jfr",settings=profile)
    if [[ "${1:-}" == scaling ]]; then
      shift
      "${record[@]}" dev.readonce.bench.compile.Scaling --work "$work/profile-scaling" \
        --classpath "$walker_cp:$walker_jar" --warmup 2 --rounds 8 "$@"
    else
      "${record[@]}" dev.readonce.bench.compile.CompileOverhead --work "$work/profile" \
        --guava "$corpora/guava/target/corpus" \
        --walker-sources "$root/sample-walker/src/main/java" --walker-classpath "$walker_cp" \
        --configs EP_READONCE --only slot-dense --warmup 3 --rounds 5 "$@"
    fi
    exec java -cp "$cp" dev.readonce.bench.profile.JfrBreakdown "$jfr" ;;
  jmh)
    exec java -cp "$cp" dev.readonce.bench.jmh.JmhReport "$@" ;;
  *)
    echo "unknown benchmark: $what" >&2
    exit 2 ;;
esac
