package rootcause.evaluation.causes;

import rootcause.evaluation.EvaluationCorpus;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import rootcause.classify.Cause;
import rootcause.classify.Taxonomy;
import rootcause.model.ConfigException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand labels: a CSV of {@code source,id,cause_ids} (ids separated by spaces, empty for no cause). Ids and labels only, never text. */
public final class Labels {
    private Labels() {}

    /** Labels by "source,id", in file order; every problem (unknown cause, repeated item, missing column) reported at once. */
    public static Map<String, Set<String>> read(Path file, Taxonomy taxonomy) {
        Set<String> known = new LinkedHashSet<>();
        taxonomy.causes().stream().map(Cause::id).forEach(known::add);
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (String column : List.of("source", "id", "cause_ids")) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    problems.add(file + ": no '" + column + "' column; the header must be source,id,cause_ids");
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigException("labels file " + file, problems);
            }
            for (CSVRecord rec : csv) {
                String key = EvaluationCorpus.Complaint.key(rec.get("source"), rec.get("id"));
                Set<String> causes = new LinkedHashSet<>();
                for (String c : rec.get("cause_ids").trim().split("\\s+")) {
                    if (c.isEmpty()) {
                        continue;
                    }
                    if (!known.contains(c)) {
                        problems.add(file + " record " + rec.getRecordNumber() + ": unknown cause id '" + c + "'");
                    }
                    causes.add(c);
                }
                if (labels.put(key, causes) != null) {
                    problems.add(file + " record " + rec.getRecordNumber() + ": " + key + " is labelled twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labels " + file, e);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("labels file " + file, problems);
        }
        return labels;
    }
}
