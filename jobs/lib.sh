# Shared by the scripts in jobs/: where the build puts things, and how to build them if missing.
# Source it; it sets ROOT, APP_JAR, MODELS_JAR, SPARK_CP (Spark's jars, from Maven), JVM_FLAGS.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="0.1.0"
APP_JAR="$ROOT/target/rootcause-$VERSION.jar"
MODELS_JAR="$ROOT/target/rootcause-$VERSION-models-slim.jar"
CP_FILE="$ROOT/target/spark-classpath.txt"
FLAGS_FILE="$ROOT/target/spark-jvm-flags.txt"

ensure_built() {
  if [[ ! -f "$APP_JAR" || ! -f "$MODELS_JAR" || ! -f "$CP_FILE" || ! -f "$FLAGS_FILE" ]]; then
    echo "rootcause: building the jars first (mvn package)..." >&2
    (cd "$ROOT" && mvn -B -q -DskipTests package) >&2
  fi
  SPARK_CP="$(cat "$CP_FILE")"
  JVM_FLAGS="$(cat "$FLAGS_FILE")"
}

# CoreNLP's official models jars in the Maven repository (the build's unpack step downloads them): the PCFG
# parser for comparisons lives in the first, the shift-reduce parser in the second.
CORENLP_M2="${M2_REPO:-$HOME/.m2/repository}/edu/stanford/nlp/stanford-corenlp/4.5.10"
FULL_MODELS_JAR="$CORENLP_M2/stanford-corenlp-4.5.10-models.jar"
FULL_MODELS_ENGLISH_JAR="$CORENLP_M2/stanford-corenlp-4.5.10-models-english.jar"
