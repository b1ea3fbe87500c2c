#!/usr/bin/env bash
# Tokenizer benchmarks (see BENCHMARKS.md, "Tokenizer"):
#   1. agreement + interleaved throughput: every Europarl document through winnow, jtokkit and
#      Hugging Face tokenizers (DJL), ids compared, MB/s by thread CPU time and by wall time;
#   2. JMH, one run: EncodeBenchmark, single thread, r50k_base and cl100k_base, the three encoders;
#   3. training: a 32,000-token vocabulary from 100 MB of text (TrainBench).
#
#   bench/tokenizer.sh                       all three
#   bench/tokenizer.sh agreement|jmh|train   one of them; further arguments go to it (encodings and
#                                            --passes N; JMH options, which replace the defaults;
#                                            TrainBench's --mb/--vocab/--threads/--pattern)
#
# Builds only core, tokenizer and the benchmarks in org.winnow.bench.tokenizer (through a pom
# generated under bench/target), so a module elsewhere that does not compile cannot stop it.
# WINNOW_MVN_OPTS goes to Maven (e.g. -o), WINNOW_JAVA_OPTS to the JVMs (default -Xmx6g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
what="${1:-all}"
[[ $# -gt 0 ]] && shift
mvn_opts=(${WINNOW_MVN_OPTS:-})
java_opts=(${WINNOW_JAVA_OPTS:--Xmx6g})

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
build="bench/target/tokenizer-bench"
mkdir -p "$build"
cat > "$build/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.winnow</groupId>
    <artifactId>winnow-parent</artifactId>
    <version>${version}</version>
    <relativePath>../../../pom.xml</relativePath>
  </parent>
  <artifactId>winnow-tokenizer-bench</artifactId>
  <dependencies>
    <dependency><groupId>org.winnow</groupId><artifactId>winnow-tokenizer</artifactId></dependency>
    <dependency><groupId>com.knuddels</groupId><artifactId>jtokkit</artifactId></dependency>
    <dependency><groupId>ai.djl.huggingface</groupId><artifactId>tokenizers</artifactId></dependency>
    <dependency><groupId>org.apache.lucene</groupId><artifactId>lucene-test-framework</artifactId></dependency>
    <dependency><groupId>org.openjdk.jmh</groupId><artifactId>jmh-core</artifactId></dependency>
  </dependencies>
  <build>
    <sourceDirectory>\${project.basedir}/../../src/main/java</sourceDirectory>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <configuration>
          <includes><include>org/winnow/bench/tokenizer/**</include></includes>
          <annotationProcessorPaths>
            <path><groupId>org.openjdk.jmh</groupId><artifactId>jmh-generator-annprocess</artifactId><version>\${jmh.version}</version></path>
          </annotationProcessorPaths>
        </configuration>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <executions>
          <execution>
            <id>classpath</id>
            <phase>package</phase>
            <goals><goal>build-classpath</goal></goals>
            <configuration><outputFile>\${project.build.directory}/classpath.txt</outputFile></configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
POM

mvn -q "${mvn_opts[@]}" -pl tokenizer -am install -Dmaven.test.skip=true
mvn -q "${mvn_opts[@]}" -f "$build/pom.xml" package -Dmaven.test.skip=true
cp="$build/target/classes:$(cat "$build/target/classpath.txt")"

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
run_agreement() { java "${java_opts[@]}" -cp "$cp" org.winnow.bench.tokenizer.EncodeAgreement "$@"; }
run_jmh() {
  # Given JMH options replace the defaults: one fork, 3 x 5 s warm-up, 5 x 5 s measured.
  if [[ $# -eq 0 ]]; then set -- -f 1 -wi 3 -w 5s -i 5 -r 5s; fi
  java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main 'org.winnow.bench.tokenizer.EncodeBenchmark' \
    -jvmArgsAppend "${java_opts[*]}" "$@"
}
run_train() { java "${java_opts[@]}" -cp "$cp" org.winnow.bench.tokenizer.TrainBench "$@"; }
case "$what" in
  agreement) run_agreement "$@" ;;
  jmh) run_jmh "$@" ;;
  train) run_train "$@" ;;
  all) run_agreement; run_jmh; run_train ;;
  *) echo "unknown benchmark '$what' (agreement, jmh, train or all)" >&2; exit 2 ;;
esac
