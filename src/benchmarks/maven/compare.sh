#!/usr/bin/env bash
# Checks the compile benchmark's cold figure against real `mvn compile`s: a throwaway Maven
# project compiles a corpus's sources with maven-compiler-plugin (in-process javac, which builds a
# fresh class loader for the Error Prone processor path in every compilation), once with every
# check off and once with the six ReadOnce checks, in alternating rounds; then prints the median of
# the per-round ratios and of the per-round differences (what the checks add, in ms), wall and CPU.
#
#   maven/compare.sh WORK SOURCES_DIR CLASSPATH PROCESSOR_PATH ROUNDS [EP_OPTIONS [JAVAC_OPTION]]
#
# Called by `run.sh maven`, which passes a corpus's sources (Guava, or the real ConcurrentHashMap
# with its declarations and `--patch-module`).
set -euo pipefail
work=$1 sources=$2 classpath=$3 processor_path=$4 rounds=$5 extra=${6:-} javac_extra=${7:-}
root=$(cd "$(dirname "$0")/../../.." && pwd)
checks="-Xep:UnlockedReread:WARN -Xep:PlainSlotRead:WARN -Xep:SnapshotNotPassed:WARN"
checks+=" -Xep:MissingRevalidation:WARN -Xep:DescentWithoutPointerCheck:WARN"
checks+=" -Xep:UnlockedSlotWrite:WARN"
compiler=$(sed -n 's:.*<version.plugin.compiler>\(.*\)</version.plugin.compiler>.*:\1:p' \
  "$root/pom.xml")
resources=$(sed -n 's:.*<version.plugin.resources>\(.*\)</version.plugin.resources>.*:\1:p' \
  "$root/pom.xml")

# One project per configuration; the class path as system-scoped dependencies, the processor path
# as maven-compiler-plugin passes annotationProcessorPaths (-processorpath).
project() {
  local dir=$1 plugin=$2 deps="" i=0
  mkdir -p "$dir/.mvn"
  cp "$root/.mvn/jvm.config" "$dir/.mvn/jvm.config"
  IFS=: read -ra jars <<< "$classpath"
  for jar in "${jars[@]}"; do
    [[ -z "$jar" ]] && continue
    deps+="<dependency><groupId>bench</groupId><artifactId>cp$i</artifactId><version>1</version>"
    deps+="<scope>system</scope><systemPath>$jar</systemPath></dependency>"
    i=$((i + 1))
  done
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>maven-compare</artifactId><version>1</version>
  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies>$deps</dependencies>
  <build>
    <sourceDirectory>$sources</sourceDirectory>
    <plugins><plugin>
      <groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId>
      <version>$resources</version>
    </plugin><plugin>
      <groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId>
      <version>$compiler</version>
      <configuration>
        <source>17</source>
        <target>17</target>
        <proc>none</proc>
        <showWarnings>false</showWarnings>
        <compilerArgs>
          $javac_extra
          <arg>-XDcompilePolicy=simple</arg>
          <arg>--should-stop=ifError=FLOW</arg>
          <arg>-processorpath</arg><arg>$processor_path</arg>
          <arg>-Xmaxwarns</arg><arg>1000000</arg>
          <arg>-Xplugin:ErrorProne -XepDisableAllChecks $plugin $extra</arg>
        </compilerArgs>
      </configuration>
    </plugin></plugins>
  </build>
</project>
POM
}

rm -rf "$work"
project "$work/off" ""
project "$work/on" "$checks"
samples="$work/samples.tsv"
: > "$samples"
for ((r = 1; r <= rounds; r++)); do
  order=(off on)
  ((r % 2 == 0)) && order=(on off)
  line="  round $r:"
  for c in "${order[@]}"; do
    rm -rf "$work/$c/target"
    start=$(date +%s%N)
    /usr/bin/time -f "%U %S" -o "$work/time.txt" mvn -B -q -o -f "$work/$c/pom.xml" compile \
      > "$work/$c.log" 2>&1 || { cat "$work/$c.log" >&2; exit 1; }
    end=$(date +%s%N)
    read -r user sys < "$work/time.txt"
    wall=$(((end - start) / 1000000))
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')
    printf "%d\t%s\t%d\t%d\n" "$r" "$c" "$wall" "$cpu" >> "$samples"
    line+=" $c ${wall} ms (CPU ${cpu});"
  done
  echo "$line"
done
echo "$samples"
