package rootcause.job;

import rootcause.job.manifest.ReclassifyManifest;
import rootcause.job.manifest.RunCheck;
import rootcause.job.manifest.RunManifest;
import rootcause.job.tables.MonthTables;

import rootcause.metric.EmergingRule;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.hadoop.fs.Path;
import rootcause.ingest.InputSpec;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether an output folder already holds the result of a run: the same input files, byte for byte, read with the
 * same profiles, months, taxonomy, models, settings and code. Such a re-run (a scheduler's retry, an export delivered
 * twice) has nothing to do, like {@code make} with nothing out of date, so the job says so and stops.
 *
 * <p>The {@link #fingerprint} is a SHA-256 over all of that; {@code manifest.json} records it. The folder holds the
 * run's result when its manifest has the same fingerprint and passed its checks, no {@code reclassify} rewrote months
 * after it, and every month it wrote still has its complaints, statistics and report. A run that took over a dead
 * run's lock never trusts the folder (the dead run may have half-rewritten months), and {@code run --force} runs anyway.
 */
public final class UpToDate {
    /** Bumped when what the fingerprint covers changes (2: the table format). */
    static final int FORMAT = 2;

    private UpToDate() {}

    /**
     * @param codeSha256          {@link #codeSha256()}; null when unknown, and then no fingerprint (never up to date)
     * @param taxonomySha256      the taxonomy file's SHA-256
     * @param nlpFingerprint      the nlp cache's fingerprint: NLP settings, model files, sentiment model, libraries
     * @param embeddingFingerprint the embedding cache's fingerprint, or "none" without a semantic layer
     * @return hex SHA-256, or null when the code's identity is unknown
     */
    public static String fingerprint(Storage storage, JobConfig config, String codeSha256, String taxonomySha256,
                                     String nlpFingerprint, String embeddingFingerprint) {
        if (codeSha256 == null) {
            return null;
        }
        StringBuilder canonical = new StringBuilder("format=" + FORMAT + "\ncode=" + codeSha256);
        for (InputSpec input : config.inputs()) {
            canonical.append("\ninput=").append(input.profile());
            for (Path file : input.files(storage)) {
                canonical.append("\nfile=").append(file).append(' ').append(sha256(storage, file));
            }
        }
        canonical.append("\nmonths=").append(new TreeSet<>(config.months()))
                .append("\ntaxonomy=").append(taxonomySha256).append(" patterns_only=").append(config.patternsOnly())
                .append("\nnlp=").append(nlpFingerprint)
                .append("\nembedding=").append(embeddingFingerprint)
                .append("\nstop_after=").append(config.stopAfter())
                .append("\ntable_format=").append(config.tableFormat().label());
        // Only a rule other than the default is written, so a default run's fingerprint is what it always was.
        if (!config.emergingRule().equals(EmergingRule.DEFAULT)) {
            canonical.append("\nemerging_rule=").append(config.emergingRule().settings());
        }
        return DigestUtils.sha256Hex(canonical.toString());
    }

    /**
     * The run whose result {@code output} holds, when its fingerprint is this one and the folder is intact; empty
     * when the run has work to do.
     *
     * @param tables the output's datasets, which must still hold every month the run wrote
     */
    public static Optional<RunManifest> previous(Storage storage, Path output, String fingerprint, MonthTables tables) {
        Path manifestFile = new OutputLayout(output).manifest();
        if (fingerprint == null || !storage.isFile(manifestFile)) {
            return Optional.empty();
        }
        try {
            RunManifest previous = RunManifest.read(storage, manifestFile);
            if (!fingerprint.equals(previous.inputsFingerprint()) || !RunCheck.failedErrors(previous.checks()).isEmpty()) {
                return Optional.empty();
            }
            Path reclassified = new OutputLayout(output).reclassifyManifest();
            if (storage.isFile(reclassified)
                    && ReclassifyManifest.read(storage, reclassified).startedAt().compareTo(previous.finishedAt()) > 0) {
                return Optional.empty();
            }
            boolean reported = previous.timingsMs().containsKey("aggregate_and_report");
            // Complaints and statistics always, reports when the run reported.
            List<String> complaints = tables.months(OutputLayout.COMPLAINTS);
            List<String> stats = reported ? tables.months(OutputLayout.STATS) : List.of();
            for (String month : previous.monthsWritten()) {
                if (!complaints.contains(month) || reported && (!stats.contains(month)
                        || !storage.isDirectory(new OutputLayout(output).report(month)))) {
                    return Optional.empty();
                }
            }
            return Optional.of(previous);
        } catch (IOException | UncheckedIOException e) {
            // A manifest this version cannot read (Jackson's errors are IOExceptions) is no proof of anything: run.
            return Optional.empty();
        }
    }

    /** SHA-256 of the jar this class was loaded from; null when it was not loaded from a jar (a build's classes). */
    public static String codeSha256() {
        CodeSource source = UpToDate.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            java.nio.file.Path jar = java.nio.file.Path.of(source.getLocation().toURI());
            if (!java.nio.file.Files.isRegularFile(jar)) {
                return null;
            }
            try (InputStream in = java.nio.file.Files.newInputStream(jar)) {
                return DigestUtils.sha256Hex(in);
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static String sha256(Storage storage, Path file) {
        try (InputStream in = storage.open(file)) {
            return DigestUtils.sha256Hex(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + Storage.display(file), e);
        }
    }
}
