package rootcause.bench;

import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rootcause.embed.BatchedEmbedder;
import rootcause.embed.Encoder;
import rootcause.embed.SentenceEmbedder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Sentence embedding one sentence per ONNX Runtime call ({@link SentenceEmbedder#embed}, what the classify stage does)
 * against batches ({@link BatchedEmbedder}, a test-scope prototype), on one thread, for each encoder, side by side in one
 * JVM after a warm-up (docs/BENCHMARKS.md, "Batched embedding"). The sentences are read at run time from the real
 * exports: inbound tweets and CFPB narratives, split with the JDK's sentence iterator, distinct, in file order. Also
 * checks parity: the cosine of each sentence's batched vector with its per-sentence one, and the same for whole CFPB
 * narratives (long texts: truncated or split the way langchain4j does). When langchain4j's float (not quantized)
 * all-MiniLM-L6-v2 is on the class path, its batched vectors are compared with its own one-per-call ones too: a
 * difference there would be the batching's, not the int8 quantization's.
 *
 * <p>A test source (not in the application jar); run through {@code jobs/benchmark-embed}.
 */
@Command(name = "embed-benchmark", mixinStandardHelpOptions = true)
public final class EmbedBenchmark implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "/work/shared/data/real")
    Path data;
    @Option(names = "--sentences", defaultValue = "3000", description = "Distinct sentences, half tweets, half CFPB.")
    int sentences;
    @Option(names = "--warmup", defaultValue = "300", description = "Sentences embedded untimed first, each way.")
    int warmup;
    @Option(names = "--batches", split = ",", defaultValue = "1,8,16,32,64")
    List<Integer> batches;
    @Option(names = "--encoders", split = ",", defaultValue = "BASE,CAUSE")
    List<Encoder> encoders;
    @Option(names = "--long-texts", defaultValue = "40", description = "Whole CFPB narratives for the parity check.")
    int longTexts;

    /** The base model's per-sentence (int8) vectors, compared with the float model's. */
    private List<float[]> baseSingle;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        System.exit(new CommandLine(new EmbedBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> tweets = new ArrayList<>();
        for (CSVRecord r : NlpBenchmark.firstRecords(data.resolve("twcs_customer_support_twitter_first5000.csv"),
                r -> "True".equals(r.get("inbound")), Integer.MAX_VALUE, new ArrayList<>())) {
            tweets.add(r.get("text"));
        }
        List<String> narratives = new ArrayList<>();
        for (CSVRecord r : NlpBenchmark.firstRecords(data.resolve("cfpb_complaints_sample_2015_2020.csv"),
                r -> !r.get(NlpBenchmark.CFPB_TEXT).isBlank(), Integer.MAX_VALUE, new ArrayList<>())) {
            narratives.add(r.get(NlpBenchmark.CFPB_TEXT));
        }
        List<String> sample = new ArrayList<>(sentencesOf(tweets, sentences / 2));
        sample.addAll(sentencesOf(narratives, sentences - sample.size()));
        List<String> longOnes = narratives.stream().filter(t -> t.length() > 2_000).limit(longTexts).toList();
        long chars = sample.stream().mapToLong(String::length).sum();
        System.out.printf(Locale.ROOT, "sentences: %d (%d tweet, %d CFPB), mean %.0f characters; long texts: %d "
                        + "(mean %.0f characters); warm-up %d; one thread%n", sample.size(), sentences / 2,
                sample.size() - sentences / 2, (double) chars / sample.size(), longOnes.size(),
                longOnes.stream().mapToInt(String::length).average().orElse(0), warmup);
        System.out.println("| encoder | path | wall s | thread CPU s | sentences/s (wall) | sentences per CPU-s "
                + "| × per-sentence (wall) | × per-sentence (CPU) | min cosine with per-sentence | median cosine | sentences < 0.999 "
                + "| sentences < 0.99 |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Encoder encoder : encoders) {
            SentenceEmbedder embedder = SentenceEmbedder.shared(encoder);
            BatchedEmbedder batcher = BatchedEmbedder.of(encoder);
            List<String> warm = sample.subList(0, Math.min(warmup, sample.size()));
            warm.forEach(embedder::embed);
            for (int b : batches) {
                batcher.embedAll(warm, b);
            }
            long[] t = start();
            List<float[]> single = new ArrayList<>();
            for (String s : sample) {
                single.add(embedder.embed(s));
            }
            double[] perSentence = elapsed(t);
            if (encoder == Encoder.BASE) {
                baseSingle = single;
            }
            row(encoder.id(), "per sentence (langchain4j)", perSentence, perSentence, sample.size(), null, null);
            for (int b : batches) {
                t = start();
                List<float[]> batched = batcher.embedAll(sample, b);
                row(encoder.id(), "batches of " + b, elapsed(t), perSentence, sample.size(), single, batched);
            }
            // The per-sentence pass again: how far the machine drifted during the run.
            t = start();
            sample.forEach(embedder::embed);
            row(encoder.id(), "per sentence (langchain4j), again", elapsed(t), perSentence, sample.size(), null, null);
            List<float[]> longSingle = longOnes.stream().map(embedder::embed).toList();
            List<float[]> longBatched = batcher.embedAll(longOnes, 8);
            System.out.printf(Locale.ROOT, "%s long texts: min cosine %.6f over %d%n", encoder, minCosine(longSingle, longBatched),
                    longOnes.size());
        }
        if (EmbedBenchmark.class.getResource("/all-minilm-l6-v2.onnx") != null) {
            floatModel(sample);
        }
        return 0;
    }

    /** langchain4j's float all-MiniLM-L6-v2 through the same batching: parity against its own batches of 1. */
    private void floatModel(List<String> sample) {
        BatchedEmbedder batcher = BatchedEmbedder.of("/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json",
                SentenceEmbedder.DIMENSION);
        List<String> warm = sample.subList(0, Math.min(warmup, sample.size()));
        for (int b : batches) {
            batcher.embedAll(warm, b);
        }
        long[] t = start();
        List<float[]> single = batcher.embedAll(sample, 1);
        double[] one = elapsed(t);
        row("all-minilm-l6-v2 (float)", "batches of 1 (the reference)", one, one, sample.size(), null, null);
        if (baseSingle != null) {
            // How far int8 quantization itself moves a vector: the shipped base model's against the float one's.
            row("all-minilm-l6-v2 (float)", "int8 per sentence against float (quantization's own drift)", one, one,
                    sample.size(), single, baseSingle);
        }
        for (int b : batches) {
            if (b > 1) {
                t = start();
                List<float[]> batched = batcher.embedAll(sample, b);
                row("all-minilm-l6-v2 (float)", "batches of " + b, elapsed(t), one, sample.size(), single, batched);
            }
        }
    }

    /** The first {@code n} distinct sentences (with a letter or digit) of the texts, in order. */
    private static Set<String> sentencesOf(List<String> texts, int n) {
        Set<String> out = new LinkedHashSet<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        for (String text : texts) {
            it.setText(text);
            for (int from = it.first(), to = it.next(); to != BreakIterator.DONE; from = to, to = it.next()) {
                String s = text.substring(from, to).strip();
                if (s.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    out.add(s);
                    if (out.size() == n) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    private static long[] start() {
        return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
    }

    private static double[] elapsed(long[] start) {
        return new double[] {(System.nanoTime() - start[0]) / 1e9, (THREADS.getCurrentThreadCpuTime() - start[1]) / 1e9};
    }

    private static void row(String encoder, String path, double[] took, double[] base, int n, List<float[]> single,
                            List<float[]> batched) {
        String parity = " | | | ";
        if (single != null) {
            double[] cos = new double[single.size()];
            int below = 0;
            int farBelow = 0;
            for (int i = 0; i < single.size(); i++) {
                cos[i] = SentenceEmbedder.cosine(single.get(i), batched.get(i));
                below += cos[i] < 0.999 ? 1 : 0;
                farBelow += cos[i] < 0.99 ? 1 : 0;
            }
            Arrays.sort(cos);
            parity = String.format(Locale.ROOT, "%.6f | %.6f | %d | %d", cos[0], cos[cos.length / 2], below, farBelow);
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.0f | %.0f | %.2f× | %.2f× | %s |%n", encoder, path,
                took[0], took[1], n / took[0], n / took[1], base[0] / took[0], base[1] / took[1], parity);
    }

    private static double minCosine(List<float[]> a, List<float[]> b) {
        double min = 1;
        for (int i = 0; i < a.size(); i++) {
            min = Math.min(min, SentenceEmbedder.cosine(a.get(i), b.get(i)));
        }
        return min;
    }
}
