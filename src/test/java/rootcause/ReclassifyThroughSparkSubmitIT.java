package rootcause;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.classify.TaxonomyLoader;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reclassify} end to end through jobs/rootcause: run the samples, edit a pattern of a copy of the built-in
 * taxonomy (it has a semantic layer), reclassify the first month with it. That month's complaints get the new
 * taxonomy version and keep their number; no CoreNLP pipeline is built and no sentence embedded; the next month's
 * report offers to restate.
 */
class ReclassifyThroughSparkSubmitIT {

    @Test
    void reclassifiesOneMonthWithAnEditedTaxonomyWithoutNlp(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        RunThroughSparkSubmitIT.ProcessResult run = RunThroughSparkSubmitIT.launcher(tmp, "run",
                "--input", "cfpb=data-samples/cfpb", "--input", "twcs=data-samples/twcs", "--output", out.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode runManifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(runManifest.get("nlp").get("corenlp_pipelines_created").asLong())
                .as("the counter counts: a run builds its pipeline").isPositive();
        List<String> months = new ObjectMapper().convertValue(runManifest.get("months_written"),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {});
        assertThat(months).hasSizeGreaterThanOrEqualTo(2);
        String month = months.get(0);
        String next = months.get(1);
        Map<String, Row> before = perMonth(out);

        Path edited = tmp.resolve("taxonomy.yaml");
        String yaml;
        try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream(TaxonomyLoader.DEFAULT_RESOURCE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(yaml).contains("      - short staff*\n");
        Files.writeString(edited, yaml.replace("      - short staff*\n", "      - short staff*\n      - too few agent*\n"));
        // The built-in taxonomy's trained head is a file beside it: a copy of the taxonomy needs a copy of its head.
        try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream("rootcause/taxonomy/cause-head.json")) {
            Files.copy(in, tmp.resolve("cause-head.json"));
        }

        RunThroughSparkSubmitIT.ProcessResult again = RunThroughSparkSubmitIT.launcher(tmp, "reclassify",
                "--output", out.toString(), "--months", month, "--taxonomy", edited.toString());
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("reclassified [" + month + "]");

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest-reclassify.json").toFile());
        assertThat(manifest.get("verb").asText()).isEqualTo("reclassify");
        assertThat(manifest.get("corenlp_pipelines_created").asLong()).as("no NLP").isZero();
        // A pattern edit changes no sentence: the complaints' and the taxonomy's embeddings all come from the cache.
        assertThat(manifest.get("classify").get("distinct_sentences_embedded").asLong()).as("no embedding").isZero();
        assertThat(manifest.get("classify").get("taxonomy_sentences_embedded").asLong()).isZero();
        assertThat(manifest.get("classify").get("embedding_cache_hits").asLong()).isPositive();
        assertThat(manifest.get("months_reclassified").toString()).isEqualTo("[\"" + month + "\"]");
        assertThat(manifest.get("months_reported").toString()).isEqualTo("[\"" + month + "\",\"" + next + "\"]");
        assertThat(manifest.get("taxonomy").get("semantic_layer").asText()).doesNotStartWith("none");
        assertThat(manifest.get("taxonomy").get("source").asText()).isEqualTo(edited.toString());

        Map<String, Row> after = perMonth(out);
        String oldVersion = before.get(month).getString(2);
        String newVersion = after.get(month).getString(2);
        assertThat(newVersion).isNotEqualTo(oldVersion).contains(manifest.get("taxonomy").get("sha256").asText().substring(0, 12));
        assertThat(manifest.get("taxonomy_versions_before").get(month).get(0).asText()).isEqualTo(oldVersion);
        assertThat(after.get(month).getLong(1)).as("complaints of the month").isEqualTo(before.get(month).getLong(1));
        assertThat(manifest.get("complaints_by_month").get(month).asLong()).isEqualTo(before.get(month).getLong(1));
        assertThat(after.get(next)).as("other months untouched").isEqualTo(before.get(next));

        SparkSession spark = SparkTestSession.get();
        assertThat(spark.read().parquet(out.resolve("causes").toString()).where(col("month").equalTo(month))
                .select("taxonomy_version").distinct().collectAsList()).extracting(r -> r.getString(0)).containsExactly(newVersion);
        assertThat(out.resolve("stats/month=" + month)).isDirectoryContaining("glob:**.parquet");
        String nextReport = Files.readString(out.resolve("reports").resolve(next).resolve("report.html"));
        assertThat(nextReport).contains("classified by different taxonomies")
                .contains("jobs/rootcause reclassify --output " + out + " --months " + month);
        assertThat(OutputContract.violations(out, spark)).isEmpty();
    }

    /** Per month: the month, its complaints and its (one) taxonomy version. */
    private static Map<String, Row> perMonth(Path out) {
        Map<String, Row> rows = new TreeMap<>();
        SparkTestSession.get().read().parquet(out.resolve("complaints").toString()).groupBy(col("month"))
                .agg(count(lit(1)), first(col("taxonomy_version"))).collectAsList()
                .forEach(r -> rows.put(r.getString(0), r));
        return rows;
    }
}
