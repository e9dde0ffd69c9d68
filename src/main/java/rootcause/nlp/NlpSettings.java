package rootcause.nlp;

import java.io.Serializable;
import java.util.Properties;

/**
 * How the CoreNLP pipeline is built. Runs on the driver and is shipped to executors (it is tiny).
 *
 * @param parserModel        class-path resource of the constituency parser model
 * @param maxSentenceTokens  sentences longer than this are not parsed; their sentiment is unknown
 */
public record NlpSettings(String parserModel, int maxSentenceTokens) implements Serializable {
    public static final String SHIFT_REDUCE = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";
    public static final String PCFG = "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz";

    public NlpSettings {
        if (maxSentenceTokens < 5) {
            throw new IllegalArgumentException("maxSentenceTokens must be at least 5, got " + maxSentenceTokens);
        }
    }

    /** The project's pipeline: shift-reduce parser, sentences up to 80 tokens. */
    public static NlpSettings defaults() {
        return new NlpSettings(SHIFT_REDUCE, 80);
    }

    /** CoreNLP properties for tokenize, ssplit, pos, lemma, parse, sentiment. */
    public Properties coreNlpProperties() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,parse,sentiment");
        p.setProperty("parse.model", parserModel);
        p.setProperty("parse.maxlen", Integer.toString(maxSentenceTokens));
        p.setProperty("parse.binaryTrees", "true");
        // Paragraph breaks in narratives end sentences; single newlines in tweets do not.
        p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
        return p;
    }
}
