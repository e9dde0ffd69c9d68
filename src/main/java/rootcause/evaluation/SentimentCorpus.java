package rootcause.evaluation;

import rootcause.model.DataContract;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import rootcause.model.Columns;
import rootcause.model.SentenceAnalysis;
import rootcause.nlp.NlpSettings;
import rootcause.nlp.NlpStage;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/** Runs the job's nlp stage (the same CoreNLP settings) over labelled texts in a training or evaluation run. */
public final class SentimentCorpus {
    private SentimentCorpus() {}

    /**
     * Sentences of each text by key, from the nlp stage run in {@code spark} over the distinct texts. With a cache
     * file, texts already analysed there (same key and text) are not analysed again, and the file is rewritten.
     */
    public static Map<String, List<SentenceAnalysis>> analyse(SparkSession spark, Map<String, String> textsByKey,
                                                              Path cacheFile) {
        Map<String, Cached> cache = cacheFile != null && Files.isRegularFile(cacheFile) ? read(cacheFile) : new HashMap<>();
        Map<String, List<SentenceAnalysis>> out = new HashMap<>();
        Map<String, String> todo = new java.util.LinkedHashMap<>();
        textsByKey.forEach((k, t) -> {
            Cached c = cache.get(k);
            if (c != null && c.text().equals(t)) out.put(k, c.sentences());
            else todo.put(k, t);
        });
        if (!todo.isEmpty()) {
            out.putAll(analyse(spark, todo));
        }
        if (cacheFile != null) {
            Map<String, Cached> updated = new HashMap<>();
            out.forEach((k, s) -> updated.put(k, new Cached(textsByKey.get(k), s)));
            write(cacheFile, updated);
        }
        return out;
    }

    private record Cached(String text, List<SentenceAnalysis> sentences) implements Serializable {}

    @SuppressWarnings("unchecked")
    private static Map<String, Cached> read(Path file) {
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            return (Map<String, Cached>) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("--nlp-cache " + file + " is not a cache this version wrote (" + e.getMessage()
                    + "); delete it", e);
        }
    }

    private static void write(Path file, Map<String, Cached> cache) {
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeObject(new HashMap<>(cache));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --nlp-cache " + file, e);
        }
    }

    private static Map<String, List<SentenceAnalysis>> analyse(SparkSession spark, Map<String, String> textsByKey) {
        List<Row> rows = new ArrayList<>(textsByKey.size());
        textsByKey.forEach((k, t) -> rows.add(RowFactory.create(k, t)));
        Dataset<Row> input = spark.createDataFrame(rows, NlpStage.INPUT_SCHEMA);
        Map<String, List<SentenceAnalysis>> out = new HashMap<>();
        for (Row r : NlpStage.coreNlpOnly(NlpSettings.defaults()).apply(input)
                .select(col(Columns.COMPLAINT_ID), col(Columns.SENTENCES)).collectAsList()) {
            out.put(r.getString(0), DataContract.sentencesOf(r));
        }
        return out;
    }
}
