package rootcause.clean;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import edu.stanford.nlp.process.WordToSentenceProcessor;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Replaces person names with {@value #NAME}, found by CoreNLP's 3-class CRF named-entity model (PERSON spans).
 * Sentences written in one case only (lower-case or all-caps tweets) go to the same model's caseless variant,
 * since the cased model leans on capital letters. Handles ({@code @user}) and the other redactors' placeholders
 * are never names. The models are loaded once per JVM ({@link Models}) and shared by all threads: CoreNLP's NER
 * annotator shares one classifier across its threads too ({@code ner.nthreads}). Serializable as a tiny handle:
 * executors load their own models on first use.
 */
public final class NameRedactor implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "[name]";
    /** Class-path resources in the slim models jar. */
    public static final String MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    public static final String CASELESS_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.caseless.distsim.crf.ser.gz";
    public static final List<String> MODELS = List.of(MODEL, CASELESS_MODEL);

    private static final String PERSON = "PERSON";

    /** A person name found in a text: character offsets, end exclusive. */
    public record Span(int begin, int end) {}

    /** Whether single-case sentences go to the caseless model (the default) or, like all others, to the cased one. */
    private final boolean caselessForSingleCase;

    public NameRedactor() {
        this(true);
    }

    /** For the measurements in docs/BENCHMARKS.md: {@code false} sends every sentence to the cased model. */
    NameRedactor(boolean caselessForSingleCase) {
        this.caselessForSingleCase = caselessForSingleCase;
    }

    /** Returns the text with every person name replaced; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        return redact(text, names(text));
    }

    /**
     * The text with the given spans ({@link #names} of this very text) replaced by {@value #NAME}: the one place
     * names are replaced, whether the spans were just found or come from the {@link NameCache}.
     */
    public static String redact(String text, List<Span> spans) {
        if (text == null || spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span s : spans) {
            out.append(text, at, s.begin()).append(NAME);
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** The person names in the text, in order, not overlapping; adjacent name tokens form one span. */
    public List<Span> names(String text) {
        List<Span> spans = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return spans;
        }
        Models m = Models.get();
        List<CoreLabel> tokens = m.tokenizers.getTokenizer(new StringReader(text)).tokenize();
        for (List<CoreLabel> sentence : m.sentences.process(tokens)) {
            CRFClassifier<CoreLabel> model = caselessForSingleCase && isSingleCase(sentence) ? m.caseless : m.cased;
            List<CoreLabel> labelled = model.classifySentence(sentence);
            Span open = null;
            for (CoreLabel t : labelled) {
                boolean name = PERSON.equals(t.get(CoreAnnotations.AnswerAnnotation.class)) && mayBeName(text, t);
                if (!name) {
                    if (open != null) spans.add(open);
                    open = null;
                } else if (open == null) {
                    open = new Span(t.beginPosition(), t.endPosition());
                } else {
                    open = new Span(open.begin(), t.endPosition());
                }
            }
            if (open != null) spans.add(open);
        }
        return spans;
    }

    /** Handles stay {@code @user} (TextNormalizer); a placeholder such as {@code [email]} is not a name. */
    private static boolean mayBeName(String text, CoreLabel t) {
        int b = t.beginPosition(), e = t.endPosition();
        if (text.charAt(b) == '@' || (b > 0 && text.charAt(b - 1) == '@')) {
            return false;
        }
        boolean bracketed = b > 0 && text.charAt(b - 1) == '[' && e < text.length() && text.charAt(e) == ']';
        boolean angled = b > 0 && text.charAt(b - 1) == '<' && e < text.length() && text.charAt(e) == '>';
        return !bracketed && !angled && !isBrandShaped(t.word());
    }

    /**
     * A capital inside a word ("VoltMobile", "PayLark") marks a brand, not a person: the model, which has not seen
     * made-up brands, takes most of them for names (measured, docs/BENCHMARKS.md). The capital after a name prefix
     * ("McDonald", "MacArthur", "DeShawn", "LaToya") does not count.
     */
    static boolean isBrandShaped(String word) {
        java.util.regex.Matcher m = NAME_PREFIX.matcher(word);
        int prefix = m.lookingAt() ? m.end() : -1;
        for (int i = 1; i < word.length(); i++) {
            if (i != prefix && Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(i - 1))) return true;
        }
        return false;
    }

    private static final java.util.regex.Pattern NAME_PREFIX = java.util.regex.Pattern.compile("Mac|Mc|De|Di|Da|Du|La|Le");

    /**
     * True when the sentence carries no case information: no letter is small (all caps), or no word after the first
     * starts with a capital ("I" and its contractions aside), as in most lower-case tweets.
     */
    static boolean isSingleCase(List<CoreLabel> sentence) {
        boolean anyLower = false;
        boolean capitalised = false;
        for (int i = 0; i < sentence.size(); i++) {
            String w = sentence.get(i).word();
            for (int k = 0; k < w.length(); k++) {
                if (Character.isLowerCase(w.charAt(k))) anyLower = true;
            }
            if (i > 0 && !w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !w.equals("I") && !w.startsWith("I'")) {
                capitalised = true;
            }
        }
        return !anyLower || !capitalised;
    }

    /**
     * What shapes the spans besides the text and the model files, for {@link NameCache#fingerprint}: a change here
     * must reach the cache's fingerprint, or a re-run would reuse spans found another way.
     */
    String settings() {
        return "caseless_for_single_case=" + caselessForSingleCase + ", tokenizer=" + TOKENIZER_OPTIONS
                + ", max_additional_known_lc_words=" + MAX_ADDITIONAL_KNOWN_LC_WORDS;
    }

    /** The nlp stage's tokenizer options (NlpSettings): offsets into the text, odd characters dropped. */
    private static final String TOKENIZER_OPTIONS = "untokenizable=noneDelete,invertible=false";
    /** No words learnt from the texts classified: a text gets the same names whatever came before it. */
    private static final String MAX_ADDITIONAL_KNOWN_LC_WORDS = "0";

    /** Loads the models now, if this JVM has not yet (benchmarks load before they time). */
    public static void load() {
        Models.get();
    }

    /** The models, once per JVM, on first use (the lazy-holder idiom: class initialisation is thread-safe). */
    static final class Models {
        final CRFClassifier<CoreLabel> cased;
        final CRFClassifier<CoreLabel> caseless;
        final TokenizerFactory<CoreLabel> tokenizers;
        final WordToSentenceProcessor<CoreLabel> sentences;

        private Models() {
            long start = System.nanoTime();
            cased = classifier(MODEL);
            caseless = classifier(CASELESS_MODEL);
            tokenizers = PTBTokenizer.factory(new CoreLabelTokenFactory(), TOKENIZER_OPTIONS);
            sentences = new WordToSentenceProcessor<>();
            org.slf4j.LoggerFactory.getLogger(NameRedactor.class).info("person-name models {} and {} loaded in {} ms",
                    MODEL, CASELESS_MODEL, (System.nanoTime() - start) / 1_000_000);
        }

        private static final class Holder {
            static final Models INSTANCE = new Models();
        }

        static Models get() {
            return Holder.INSTANCE;
        }

        private static CRFClassifier<CoreLabel> classifier(String resource) {
            if (NameRedactor.class.getClassLoader().getResource(resource) == null) {
                throw new IllegalStateException(resource + " is not on the class path (it is in the slim models jar)");
            }
            Properties p = new Properties();
            p.setProperty("maxAdditionalKnownLCWords", MAX_ADDITIONAL_KNOWN_LC_WORDS);
            try {
                return CRFClassifier.getClassifier(resource, p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load " + resource, e);
            }
        }
    }
}
