#!/usr/bin/env bash
# Runs one of the ReadOnce benchmarks from a clean clone (see checker/docs/performance.md):
#
#   src/benchmarks/run.sh compile [options]   compile overhead, warm and cold, on Guava, the
#                                             slot-dense corpus, the real ConcurrentHashMap and
#                                             the real-code corpus (src/real-code's six classes);
#                                             --configs EP_NO_CHECKS,EP_READONCE,EP_FLOOR adds
#                                             the floor (the Checker Framework's part alone)
#   src/benchmarks/run.sh maven [chm|guava] [rounds]   the cold figure against real `mvn compile`s
#   src/benchmarks/run.sh scaling [options]   analysis time against method size; --configs
#                                             EP_NO_CHECKS,EP_READONCE,EP_FLOOR,EP_CFG adds the
#                                             floor and the CFG builder alone
#   src/benchmarks/run.sh audit   [options]   audit mode over 18 library artifacts (audit.md)
#   src/benchmarks/run.sh jmh     [JMH options] the walker and slot-read microbenchmarks
#   src/benchmarks/run.sh profile [cold|scaling] [options]   JFR profile of the checker, by part
#   src/benchmarks/run.sh lsp     [--edits N]  the language server's latency and memory over edits
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
# The cold runs: the harness alone on the class path; Error Prone, its dependencies and the checker
# on the processor path, loaded by javac in a class loader of its own per compilation (as
# maven-compiler-plugin's annotationProcessorPaths are).
# The real-code module's jar prepares that corpus's classes (it needs only the JDK to do so).
real_code_jar=$(ls "$bench"/target/lib/readonce-real-code-*.jar)
cold_jvm=(java -Xms6g -Xmx6g "${exports[@]}" -cp "$bench/target/classes:$real_code_jar")
processor_path=$(ls "$bench"/target/lib/*.jar | grep -v -e jmh-core -e jopt-simple -e commons-math3 \
  -e readonce-sample-walker -e readonce-real-code | paste -sd:)
chm_zip=${CHM_SRC_ZIP:-/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip}
# The map's declarations as a user passes them: the bins (the checker's), then the rest of its
# discipline as src/real-code declares it (transfer's filled-under-lock-of, the traversers' tables).
chm_decls="$root/checker/src/test/resources/declarations/jdk-concurrenthashmap.decls"
chm_decls+=",$root/src/real-code/corpus/decls/concurrenthashmap.decls"
corpus_args=(--guava "$corpora/guava/target/corpus"
  --walker-sources "$root/sample-walker/src/main/java" --walker-classpath "$walker_cp"
  --chm-src-zip "$chm_zip" --chm-declarations "$chm_decls"
  --real-code "$root/src/real-code" --checker-declarations "$root/checker/src/test/resources/declarations")
load() { cut -d' ' -f1 /proc/loadavg; }

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
    # Warm (one JVM, classes loaded once), then cold (a fresh processor class loader per
    # compilation), then the targets table of both.
    mkdir -p "$work"
    results="$work/compile-results.tsv"
    # `--configs EP_NO_CHECKS,EP_READONCE,EP_FLOOR` adds the floor (-XepOpt:ReadOnce:Engine=floor:
    # the Checker Framework's CFGs and fixpoint alone) to every round, and its table at the end.
    floor_results="$work/compile-floor.tsv"
    rm -f "$results" "$floor_results"
    before=$(load)
    "${jvm[@]}" dev.readonce.bench.compile.CompileOverhead --work "$work/compile" --mode warm \
      "${corpus_args[@]}" --results "$results" --floor-results "$floor_results" "$@"
    "${cold_jvm[@]}" dev.readonce.bench.compile.CompileOverhead --work "$work/compile" --mode cold \
      --processor-path "$processor_path" "${corpus_args[@]}" --results "$results" \
      --floor-results "$floor_results" "$@"
    if [[ "${FRESH:-0}" == 1 ]]; then
      # FRESH=1 also runs a fresh JVM per compilation (the javac launcher), as a single-module
      # build pays it; no warm-up rounds are needed there.
      "${cold_jvm[@]}" dev.readonce.bench.compile.CompileOverhead --work "$work/compile" \
        --mode fresh --processor-path "$processor_path" "${corpus_args[@]}" --warmup 0 \
        --results "$results" --floor-results "$floor_results" "$@"
    fi
    echo
    after=$(load)
    java -cp "$bench/target/classes" dev.readonce.bench.compile.OverheadSummary "$results" \
      "$before" "$after"
    if [[ -s "$floor_results" ]]; then
      echo
      java -cp "$bench/target/classes" dev.readonce.bench.compile.FloorSummary "$floor_results" \
        "$before" "$after"
    fi ;;
  maven)
    # `run.sh maven [chm|guava] [ROUNDS]`: real `mvn compile`s of a corpus (maven/compare.sh), to
    # set beside the cold figure of `run.sh compile --only <corpus>`.
    corpus=${1:-chm}
    rounds=${2:-6}
    if [[ "$corpus" == guava ]]; then
      src="$work/maven-src/guava"
      rm -rf "$src" && mkdir -p "$src"
      (cd "$src" && unzip -q "$corpora/guava/target/corpus/sources.jar" '*.java' -x '*module-info.java')
      samples=$("$bench/maven/compare.sh" "$work/maven" "$src" \
        "$(cat "$corpora/guava/target/corpus/classpath.txt")" "$processor_path" "$rounds" \
        | tee /dev/stderr | tail -1)
      label="Guava 33.4.0"
    else
      src="$work/maven-src/chm/java.base"
      rm -rf "$src" && mkdir -p "$src"
      (cd "$src" && unzip -q "$chm_zip" 'java.base/java/util/concurrent/ConcurrentHashMap.java' \
        && mv java.base/java . && rmdir java.base)
      samples=$("$bench/maven/compare.sh" "$work/maven" "$src" "" "$processor_path" "$rounds" \
        "-XepOpt:ReadOnce:Declarations=$chm_decls" \
        "<arg>--patch-module</arg><arg>java.base=$src</arg>" | tee /dev/stderr | tail -1)
      label="the real ConcurrentHashMap"
    fi
    exec java -cp "$bench/target/classes" dev.readonce.bench.compile.MavenReport "$samples" \
      "$label" ;;
  scaling)
    exec "${jvm[@]}" dev.readonce.bench.compile.Scaling --work "$work/scaling" \
      --classpath "$walker_cp:$walker_jar" "$@" ;;
  audit)
    exec "${jvm[@]}" dev.readonce.bench.audit.Audit --work "$work/audit" \
      --library "$(audit_libraries)" --pooled 60 --seed 20261203 \
      "$@" ;;
  profile)
    # Compiles with the ReadOnce checks under JFR, then splits the samples (javac, checker, and
    # the checker's parts). Default: the slot-dense corpus; `profile scaling --sizes 1000`
    # profiles the scaling benchmark instead.
    jfr="$work/profile.jfr"
    mkdir -p "$work"
    # Deep stacks (Error Prone, the dataflow framework) are kept whole: a stack cut at JFR's
    # default 64 frames loses the frames that say whose the sample is.
    jfr_flags=(-XX:FlightRecorderOptions:stackdepth=2048
      -XX:StartFlightRecording=filename="$jfr",settings=profile)
    record=("${jvm[@]}" "${jfr_flags[@]}")
    if [[ "${1:-}" == cold ]]; then
      # `profile cold --only guava`: the cold compiles (a fresh processor class loader each).
      shift
      "${cold_jvm[@]}" "${jfr_flags[@]}" dev.readonce.bench.compile.CompileOverhead \
        --work "$work/profile" --mode cold --processor-path "$processor_path" \
        "${corpus_args[@]}" --configs EP_READONCE --only slot-dense --warmup 2 --rounds 5 "$@"
    elif [[ "${1:-}" == scaling ]]; then
      shift
      "${record[@]}" dev.readonce.bench.compile.Scaling --work "$work/profile-scaling" \
        --classpath "$walker_cp:$walker_jar" --warmup 2 --rounds 8 "$@"
    else
      "${record[@]}" dev.readonce.bench.compile.CompileOverhead --work "$work/profile" \
        "${corpus_args[@]}" --configs EP_READONCE --only slot-dense --warmup 3 --rounds 5 "$@"
    fi
    exec java -cp "$cp" dev.readonce.bench.profile.JfrBreakdown "$jfr" ;;
  jmh)
    exec java -cp "$cp" dev.readonce.bench.jmh.JmhReport "$@" ;;
  lsp)
    exec java -Dreadonce.root="$root" -cp "$cp" dev.readonce.bench.lsp.LspLatency \
      --work "$work/lsp" "$@" ;;
  *)
    echo "unknown benchmark: $what" >&2
    exit 2 ;;
esac
