package rootcause.evaluation;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A human sentiment label column of an export (the airline tweets' {@code airline_sentiment}), by id. A label, never text. */
public final class HumanSentiment {
    private HumanSentiment() {}

    /** {@code id -> label} from the id and label columns of a CSV file; the first record of a repeated id wins. */
    public static Map<String, String> read(Path csvFile, String idColumn, String labelColumn) {
        Map<String, String> labels = new HashMap<>();
        try (Reader r = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setAllowMissingColumnNames(true).build().parse(r)) {
            if (!csv.getHeaderMap().containsKey(idColumn) || !csv.getHeaderMap().containsKey(labelColumn)) {
                throw new IllegalArgumentException(csvFile + ": needs columns '" + idColumn + "' and '" + labelColumn + "'");
            }
            for (CSVRecord rec : csv) {
                if (rec.isSet(idColumn) && rec.isSet(labelColumn)) {
                    labels.putIfAbsent(rec.get(idColumn), rec.get(labelColumn));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csvFile, e);
        }
        return labels;
    }
}
