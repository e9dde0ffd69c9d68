package rootcause.bench;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rootcause.model.DocumentAnalysis;
import rootcause.nlp.NlpSettings;
import rootcause.nlp.SentimentAnalyzer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import rootcause.evaluation.sentiment.DefaultModelTrainer;
import rootcause.sentiment.PolarityFeatures;
import rootcause.sentiment.PolarityModel;
import rootcause.sentiment.SentimentModelFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Measures one NLP pipeline on one thread (= per core) over fixed samples of real complaints: CFPB
 * narratives and inbound support tweets. Runs on the driver JVM only, no Spark. One pipeline per JVM so
 * the peak heap is that pipeline's. Run through {@code jobs/benchmark-nlp}; results go in docs/BENCHMARKS.md.
 */
@Command(name = "benchmark-nlp", mixinStandardHelpOptions = true,
        description = "Sentences/s and texts/s of one NLP pipeline on one thread.")
public final class NlpBenchmark implements Callable<Integer> {
    static final String CFPB_FILE = "cfpb_complaints_sample_2015_2020.csv";
    static final String CFPB_TEXT = "Consumer complaint narrative";
    static final String TWCS_FILE = "twcs_customer_support_twitter_first5000.csv";

    enum Pipeline { pcfg, sr, srGated, srNoCap, srLayer, srLayerEmbeddings, parserFree, names, namesPipeline }

    @Option(names = "--pipeline", required = true,
            description = "pcfg = CoreNLP's default pipeline called directly; sr = the project's SentimentAnalyzer; "
                    + "srGated = sr parsing only the sentences the sentiment gate lets through; "
                    + "srNoCap = the same without the sentence length cap (what the cap saves); "
                    + "srLayer = sr plus the shipped sentiment layer, as the nlp stage runs them; "
                    + "srLayerEmbeddings = sr plus a layer that also reads sentence embeddings; "
                    + "parserFree = no parser, a parser-free (n-grams only) sentiment model; "
                    + "names = the clean stage's person-name redaction alone (NER; sentences counted by its splitter); "
                    + "namesPipeline = the cased NER model through a minimal StanfordCoreNLP pipeline (tokenize,ssplit,ner "
                    + "without numbers, SUTime, fine-grained NER or mentions), the alternative to calling the CRF directly.")
    Pipeline pipeline;

    @Option(names = "--data", required = true, description = "Directory with the CFPB and twcs files.")
    Path data;

    @Option(names = "--cfpb", defaultValue = "10", description = "First N non-empty CFPB narratives (default ${DEFAULT-VALUE}).")
    int cfpbTexts;

    @Option(names = "--tweets", defaultValue = "300", description = "First N inbound tweets (default ${DEFAULT-VALUE}).")
    int tweets;

    @Option(names = "--warmup", defaultValue = "3", description = "The sample's first N texts, analysed once untimed before timing (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--sample-dir", description = "Write the sampled records (all original columns) here, for the end-to-end run.")
    Path sampleDir;

    /** Sentences over the length cap in the sample measured so far (sr only). */
    private long tooLong;

    /** Wall time spent in the sentiment layer alone in the sample measured so far (layer pipelines only). */
    private long layerNanos;

    @Option(names = "--results", description = "Append one TSV line per data set to this file.")
    Path results;

    public static void main(String[] args) {
        System.exit(new CommandLine(new NlpBenchmark()).execute(args));
    }

    /** A text sample: the records measured and the records used to warm up. */
    record Sample(String name, List<CSVRecord> measured, List<CSVRecord> warmup, List<String> header) {}

    @Override
    public Integer call() throws Exception {
        Sample cfpb = sample("cfpb", data.resolve(CFPB_FILE), r -> !r.get(CFPB_TEXT).isBlank(), cfpbTexts);
        Sample twcs = sample("twcs", data.resolve(TWCS_FILE), r -> "True".equals(r.get("inbound")) && !r.get("text").isBlank(), tweets);
        if (sampleDir != null) {
            writeSample(cfpb);
            writeSample(twcs);
        }
        long loadStart = System.nanoTime();
        ToIntFunction<String> analyse = load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.gc();
        long heapAfterLoad = usedHeap();
        System.out.printf(Locale.ROOT, "%s: load %.1f s, heap after load %d MB%n", pipeline, loadSeconds, heapAfterLoad >> 20);
        measure(cfpb, CFPB_TEXT, analyse, loadSeconds, heapAfterLoad);
        measure(twcs, "text", analyse, loadSeconds, heapAfterLoad);
        return 0;
    }

    /** Returns a function analysing a text and giving its sentence count. */
    private ToIntFunction<String> load() {
        if (pipeline == Pipeline.names) {
            // What the clean stage adds per text: the normalised text through the PII patterns and the NER models.
            rootcause.clean.TextNormalizer normalizer = new rootcause.clean.TextNormalizer();
            rootcause.clean.PiiRedactor pii = new rootcause.clean.PiiRedactor();
            rootcause.clean.NameRedactor names = new rootcause.clean.NameRedactor();
            rootcause.clean.NameRedactor.load();
            return text -> {
                names.redact(pii.redact(normalizer.normalize(text)));
                return 0;
            };
        }
        if (pipeline == Pipeline.namesPipeline) {
            Properties p = new Properties();
            p.setProperty("annotators", "tokenize,ssplit,ner");
            p.setProperty("ner.model", rootcause.clean.NameRedactor.MODEL);
            p.setProperty("ner.applyNumericClassifiers", "false");
            p.setProperty("ner.useSUTime", "false");
            p.setProperty("ner.applyFineGrained", "false");
            p.setProperty("ner.buildEntityMentions", "false");
            p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
            StanfordCoreNLP corenlp = new StanfordCoreNLP(p);
            return text -> {
                Annotation a = new Annotation(text);
                corenlp.annotate(a);
                return a.get(CoreAnnotations.SentencesAnnotation.class).size();
            };
        }
        if (pipeline != Pipeline.pcfg) {
            NlpSettings settings = switch (pipeline) {
                case srNoCap -> new NlpSettings(NlpSettings.SHIFT_REDUCE, 100_000);
                case parserFree -> NlpSettings.defaults().withoutParser();
                case srGated -> NlpSettings.defaults().withParseOnlySentiment(true);
                default -> NlpSettings.defaults();
            };
            SentimentAnalyzer analyzer = SentimentAnalyzer.shared(settings);
            PolarityModel layer = switch (pipeline) {
                case srLayer -> SentimentModelFile.shippedDefault().model();
                // The speed of a parser-free model (train-sentiment --features ngrams): one trained on the project's
                // written sentences here, before timing starts.
                case parserFree -> DefaultModelTrainer.train(uncheckedAnalysed(analyzer), Set.of(PolarityFeatures.Family.NGRAMS));
                case srLayerEmbeddings -> DefaultModelTrainer.train(uncheckedAnalysed(analyzer), java.util.EnumSet.allOf(PolarityFeatures.Family.class));
                default -> null;
            };
            return text -> {
                DocumentAnalysis a = analyzer.analyze(text);
                if (layer != null) {
                    long layerStart = System.nanoTime();
                    a = layer.apply(a);
                    layerNanos += System.nanoTime() - layerStart;
                }
                tooLong += a.sentencesTooLong();
                return a.sentences().size();
            };
        }
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,parse,sentiment"); // everything else CoreNLP's default
        StanfordCoreNLP corenlp = new StanfordCoreNLP(p);
        return text -> {
            Annotation a = new Annotation(text);
            corenlp.annotate(a);
            List<CoreMap> sentences = a.get(CoreAnnotations.SentencesAnnotation.class);
            return sentences.size();
        };
    }

    private static List<rootcause.evaluation.sentiment.SentimentCrossValidation.Item> uncheckedAnalysed(SentimentAnalyzer analyzer) {
        try {
            return DefaultModelTrainer.analysedSentences(analyzer);
        } catch (Exception e) {
            throw new IllegalStateException("cannot analyse the written sentences", e);
        }
    }

    private void measure(Sample s, String column, ToIntFunction<String> analyse, double loadSeconds, long heapAfterLoad)
            throws IOException {
        for (CSVRecord r : s.warmup()) analyse.applyAsInt(r.get(column));
        tooLong = 0;
        layerNanos = 0;
        long sentences = 0, chars = 0;
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        for (CSVRecord r : s.measured()) {
            String text = r.get(column);
            sentences += analyse.applyAsInt(text);
            chars += text.length();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        int texts = s.measured().size();
        long peak = peakHeap();
        String line = String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.3f\t%.1f\t%d\t%d\t%d\t%.2f\t%.2f\t%.3f",
                pipeline, s.name(), texts, sentences, chars, seconds, sentences / seconds, texts / seconds,
                loadSeconds, heapAfterLoad >> 20, peak >> 20, tooLong,
                cpuSeconds, sentences / cpuSeconds, texts / cpuSeconds);
        System.out.printf(Locale.ROOT, "%s %s: %d texts, %d sentences (%d over the cap), %d chars in %.1f s (%.1f s CPU): %.2f sentences/s, %.3f texts/s, %.2f sentences per CPU-second; peak heap so far %d MB%n",
                pipeline, s.name(), texts, sentences, tooLong, chars, seconds, cpuSeconds, sentences / seconds,
                texts / seconds, sentences / cpuSeconds, peak >> 20);
        if (layerNanos > 0) {
            System.out.printf(Locale.ROOT, "%s %s: the sentiment layer alone took %.3f s of the %.1f s (%.1f %%)%n",
                    pipeline, s.name(), layerNanos / 1e9, seconds, 100 * layerNanos / 1e9 / seconds);
        }
        if (results != null) {
            Files.writeString(results, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private Sample sample(String name, Path file, Predicate<CSVRecord> keep, int n) throws IOException {
        List<String> header = new ArrayList<>();
        List<CSVRecord> measured = firstRecords(file, keep, n, header);
        // Warm up on the sample's own first texts: the texts after it may be huge (CFPB's 13th is 3,755 words).
        List<CSVRecord> warm = new ArrayList<>(measured.subList(0, Math.min(warmup, measured.size())));
        return new Sample(name, measured, warm, header);
    }

    /**
     * The first {@code n} whole records of an export that {@code keep} accepts, as the benchmarks sample them;
     * {@code header} receives the file's column names.
     */
    public static List<CSVRecord> firstRecords(Path file, Predicate<CSVRecord> keep, int n, List<String> header) throws IOException {
        // twcs starts with an unnamed index column
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).get();
        List<CSVRecord> records = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord r : parser) {
                // twcs tweet 3399 holds a bare CR that commons-csv splits into broken records: skip those.
                if (!r.isConsistent() || !keep.test(r)) continue;
                if (records.size() < n) records.add(r);
                else break;
            }
            header.addAll(parser.getHeaderNames());
        }
        return records;
    }

    private void writeSample(Sample s) throws IOException {
        Files.createDirectories(sampleDir);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(s.header().toArray(String[]::new)).get();
        try (Writer w = Files.newBufferedWriter(sampleDir.resolve(s.name() + "-sample.csv"), StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, format)) {
            for (CSVRecord r : s.measured()) printer.printRecord(r.values());
        }
    }

    /** CPU time of the whole JVM (analysis thread, GC, JIT): a per-core measure that other load on the machine does not inflate. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Sum of the heap pools' peak use since the JVM started. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }
}
