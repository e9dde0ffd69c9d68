package rootcause.nlp;

import java.io.Serializable;
import java.util.Properties;

/**
 * How the CoreNLP pipeline is built. Made on the driver and shipped to executors (it is tiny); equal
 * settings share one pipeline per JVM.
 *
 * @param parserModel        class-path resource of the constituency parser model
 * @param maxSentenceTokens  sentences longer than this are not parsed (CoreNLP {@code parse.maxlen});
 *                           their sentiment is unknown but their lemmas are kept
 * @param oneSentencePerText treat each text as exactly one sentence (evaluation on SST); the job splits
 * @param parse              run the parser and CoreNLP's sentiment model; false for a parser-free sentiment
 *                           model: sentences and lemmas only, every CoreNLP sentiment unknown, ≈15× faster
 * @param parseOnlySentiment parse only the sentences with a word the sentiment model reads as non-neutral or a
 *                           negation; score the others by the same model over an unparsed tree ({@code SentimentGate})
 */
public record NlpSettings(String parserModel, int maxSentenceTokens, boolean oneSentencePerText, boolean parse,
                          boolean parseOnlySentiment)
        implements Serializable {
    public static final String SHIFT_REDUCE = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";
    public static final String PCFG = "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz";
    public static final int DEFAULT_MAX_SENTENCE_TOKENS = 80;
    /** CoreNLP's default POS tagger and sentiment model, the ones the slim models jar carries. */
    public static final String TAGGER = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
    public static final String SENTIMENT_MODEL = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";

    public NlpSettings {
        if (parserModel == null || parserModel.isBlank()) {
            throw new IllegalArgumentException("parserModel must name a class-path resource, got '" + parserModel + "'");
        }
        if (maxSentenceTokens < 5) {
            throw new IllegalArgumentException("maxSentenceTokens must be at least 5, got " + maxSentenceTokens);
        }
    }

    /** Settings that split texts into sentences, as the job does. */
    public NlpSettings(String parserModel, int maxSentenceTokens) {
        this(parserModel, maxSentenceTokens, false, true, false);
    }

    /** The same settings without the parser and CoreNLP's sentiment (for a parser-free sentiment model). */
    public NlpSettings withoutParser() {
        return new NlpSettings(parserModel, maxSentenceTokens, oneSentencePerText, false, parseOnlySentiment);
    }

    /**
     * The settings as the NLP cache's key reads them: the record's text as it was before {@link #parseOnlySentiment}
     * existed, with that field added only when it is on, so caches written without the gate stay valid.
     */
    public String cacheKeyText() {
        String before = "NlpSettings[parserModel=" + parserModel + ", maxSentenceTokens=" + maxSentenceTokens
                + ", oneSentencePerText=" + oneSentencePerText + ", parse=" + parse;
        return before + (parseOnlySentiment ? ", parseOnlySentiment=true]" : "]");
    }

    /** The same settings, parsing only the sentences the sentiment model could read sentiment in. */
    public NlpSettings withParseOnlySentiment(boolean on) {
        return new NlpSettings(parserModel, maxSentenceTokens, oneSentencePerText, parse, on);
    }

    /** The project's pipeline: shift-reduce parser, sentences up to 80 tokens. */
    public static NlpSettings defaults() {
        return new NlpSettings(SHIFT_REDUCE, DEFAULT_MAX_SENTENCE_TOKENS);
    }

    /** The same settings, but each text is one sentence. */
    public NlpSettings withOneSentencePerText() {
        return new NlpSettings(parserModel, maxSentenceTokens, true, parse, parseOnlySentiment);
    }

    /** Class-path resources of the models this pipeline loads: the POS tagger, and with {@link #parse} the parser and the sentiment model. */
    public java.util.List<String> modelResources() {
        return parse ? java.util.List.of(TAGGER, parserModel, SENTIMENT_MODEL) : java.util.List.of(TAGGER);
    }

    /** CoreNLP properties for tokenize, ssplit, pos, lemma and (when {@link #parse}) parse, sentiment. */
    public Properties coreNlpProperties() {
        Properties p = new Properties();
        p.setProperty("annotators", parse ? "tokenize,ssplit,pos,lemma,parse,sentiment" : "tokenize,ssplit,pos,lemma");
        p.setProperty("parse.model", parserModel);
        // The parser skips longer sentences entirely (a flat X tree, no search): that is where the cost is.
        p.setProperty("parse.maxlen", Integer.toString(maxSentenceTokens));
        p.setProperty("parse.binaryTrees", "true");
        if (oneSentencePerText) {
            p.setProperty("ssplit.isOneSentence", "true");
        } else {
            // Paragraph breaks in narratives end sentences; single newlines in tweets do not.
            p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        }
        p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
        return p;
    }
}
