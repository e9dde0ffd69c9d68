package rootcause.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sentences, lemmas and sentiment of one complaint text, from Stanford CoreNLP.
 *
 * <p>Runs wherever it is called: on executors inside the nlp stage, on the driver for {@code explain}.
 * The CoreNLP pipeline is built once per JVM per settings ({@link #shared}) and shared by all threads:
 * {@code StanfordCoreNLP.annotate} is thread-safe and loading the parser takes seconds.
 * Not serializable on purpose: executors obtain their own through {@link #shared}.
 */
public final class SentimentAnalyzer {
    private static final Map<NlpSettings, SentimentAnalyzer> SHARED = new ConcurrentHashMap<>();
    /** CoreNLP pipelines built in this JVM, so a verb that must run no NLP (reclassify) can show it ran none. */
    private static final java.util.concurrent.atomic.AtomicLong PIPELINES_CREATED = new java.util.concurrent.atomic.AtomicLong();

    private final NlpSettings settings;
    /** The whole pipeline; with {@link NlpSettings#parseOnlySentiment} only up to lemmas. */
    private final StanfordCoreNLP pipeline;
    /** With {@link NlpSettings#parseOnlySentiment}: parse and sentiment, run on the sentences the gate lets through. */
    private final StanfordCoreNLP parser;
    private final SentimentGate gate;

    private SentimentAnalyzer(NlpSettings settings) {
        this.settings = settings;
        if (settings.parse() && settings.parseOnlySentiment()) {
            this.pipeline = new StanfordCoreNLP(settings.withoutParser().coreNlpProperties());
            Properties rest = settings.coreNlpProperties();
            rest.setProperty("annotators", "parse,sentiment");
            // It runs on sentences the first pipeline tokenised, tagged and lemmatised.
            this.parser = new StanfordCoreNLP(rest, false);
            this.gate = SentimentGate.load(NlpSettings.SENTIMENT_MODEL);
        } else {
            this.pipeline = new StanfordCoreNLP(settings.coreNlpProperties());
            this.parser = null;
            this.gate = null;
        }
        PIPELINES_CREATED.incrementAndGet();
    }

    /** CoreNLP pipelines this JVM has built so far (on the driver; in local mode the executors' too). */
    public static long pipelinesCreated() {
        return PIPELINES_CREATED.get();
    }

    /**
     * A new analyzer with the same tokenizer and sentence splitter but no parser and no sentiment model:
     * sentences and lemmas only, every sentiment unknown, ≈15× faster. For evaluations on the driver.
     */
    static SentimentAnalyzer withoutParser(NlpSettings settings) {
        return new SentimentAnalyzer(settings.withoutParser());
    }

    /** The one analyzer for these settings in this JVM, built on first use. */
    public static SentimentAnalyzer shared(NlpSettings settings) {
        return SHARED.computeIfAbsent(settings, SentimentAnalyzer::new);
    }

    public NlpSettings settings() {
        return settings;
    }

    /**
     * Analyses texts on a pool of threads sharing this analyzer (CoreNLP pipelines are thread-safe), in the
     * texts' order. For the driver-side commands that analyse a list: evaluations, training, benchmarks.
     */
    public List<DocumentAnalysis> analyzeAll(List<String> texts, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<DocumentAnalysis>> futures = new ArrayList<>(texts.size());
            for (String text : texts) futures.add(pool.submit(() -> analyze(text)));
            List<DocumentAnalysis> out = new ArrayList<>(texts.size());
            for (Future<DocumentAnalysis> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("analysis failed", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Analyses one text; an empty or blank text gives no sentences and a neutral score. */
    public DocumentAnalysis analyze(String text) {
        if (text == null || text.isBlank()) {
            return SentimentScore.summarise(List.of(), 0);
        }
        Annotation doc = annotate(text);
        List<SentenceAnalysis> sentences = new ArrayList<>();
        int tooLong = 0;
        int tokenOffset = 0;
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            List<String> lemmas = new ArrayList<>(tokens.size());
            for (CoreLabel token : tokens) {
                String lemma = token.lemma() != null ? token.lemma() : token.word();
                lemmas.add(lemma.toLowerCase(Locale.ROOT));
            }
            int sentiment = SentenceAnalysis.UNKNOWN;
            List<Double> probabilities = List.of();
            if (!settings.parse()) {
                // A parser-free pipeline: CoreNLP's sentiment is not computed, nothing was skipped.
            } else if (tokens.size() > settings.maxSentenceTokens()) {
                // CoreNLP gave it a flat placeholder tree instead of parsing it; its "sentiment" means nothing.
                tooLong++;
            } else {
                Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
                if (tree != null) {
                    sentiment = RNNCoreAnnotations.getPredictedClass(tree);
                    probabilities = classProbabilities(tree);
                }
            }
            sentences.add(new SentenceAnalysis(sentences.size(),
                    sentence.get(CoreAnnotations.TextAnnotation.class), sentiment, probabilities,
                    sentiment == SentenceAnalysis.UNKNOWN ? 0.0 : SentimentScore.value(sentiment),
                    tokenOffset, tokenOffset + tokens.size(), lemmas));
            tokenOffset += tokens.size();
        }
        return SentimentScore.summarise(sentences, tooLong);
    }

    /** The RNTN's five class probabilities at the root of a sentiment tree, in class order. */
    private static List<Double> classProbabilities(Tree tree) {
        org.ejml.simple.SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
        List<Double> p = new ArrayList<>(predictions.getNumElements());
        for (int k = 0; k < predictions.getNumElements(); k++) {
            p.add(predictions.get(k));
        }
        return p;
    }

    /**
     * The raw CoreNLP annotation of a text (tests look at parse trees through it). With
     * {@link NlpSettings#parseOnlySentiment}, only the sentences within the length cap that the gate lets through
     * carry a parse; the others within the cap carry the gate's unparsed sentiment tree.
     */
    Annotation annotate(String text) {
        Annotation doc = new Annotation(text);
        pipeline.annotate(doc);
        if (parser != null) {
            List<CoreMap> toParse = new ArrayList<>();
            for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
                List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
                if (tokens.size() > settings.maxSentenceTokens()) continue;
                Tree unparsed = gate.withoutParse(tokens);
                if (unparsed == null) toParse.add(sentence);
                else sentence.set(SentimentCoreAnnotations.SentimentAnnotatedTree.class, unparsed);
            }
            if (!toParse.isEmpty()) {
                // The same sentence maps, so the trees land on the document's sentences.
                Annotation part = new Annotation(text);
                part.set(CoreAnnotations.SentencesAnnotation.class, toParse);
                parser.annotate(part);
            }
        }
        return doc;
    }
}
