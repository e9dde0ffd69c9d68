package rootcause.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.apache.hadoop.fs.Path;
import rootcause.io.Storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The header row of a CSV export, read with commons-csv; a UTF-8 byte-order mark is dropped. */
public final class CsvHeader {
    private CsvHeader() {}

    public static List<String> read(Storage storage, Path file, String encoding) {
        // A strict decoder, as Files.newBufferedReader has: bytes that are not the encoding fail, naming the file.
        try (Reader reader = new BufferedReader(new InputStreamReader(storage.open(file),
                Charset.forName(encoding).newDecoder()));
             CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new IllegalArgumentException("input file " + Storage.display(file) + " is empty: expected a header row");
            }
            List<String> names = new ArrayList<>(it.next().toList());
            if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
                names.set(0, names.get(0).substring(1));
            }
            return names.stream().map(String::strip).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("input file " + Storage.display(file) + ": cannot read its header as " + encoding
                    + " CSV: " + e.getMessage(), e);
        }
    }

    /**
     * Position of each named column; fails naming the file, every missing column and the columns present.
     */
    public static java.util.Map<String, Integer> positions(List<String> header, java.util.Collection<String> columns,
                                                           Path file, String profile) {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String c : columns) {
            int i = header.indexOf(c);
            if (i < 0) {
                missing.add("'" + c + "'");
            } else {
                out.put(c, i);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("input file " + Storage.display(file) + " does not fit profile '" + profile
                    + "': no column " + String.join(", ", missing) + "; its columns are " + header);
        }
        return out;
    }
}
