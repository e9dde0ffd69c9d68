package rootcause.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import rootcause.model.SentenceAnalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Sentences and lemmas only (no parser, no sentiment), with the nlp stage's tokenizer settings: ~15x faster,
 * for evaluations that do not need sentiment ({@code evaluate-taxonomy}). Runs on the driver; one pipeline per
 * instance, so build it once and reuse it.
 */
public final class LemmaAnalyzer {
    private final StanfordCoreNLP pipeline;

    /** Builds the lemma-only CoreNLP pipeline (loads the POS tagger: a few seconds). */
    public LemmaAnalyzer() {
        Properties p = NlpSettings.defaults().coreNlpProperties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma");
        this.pipeline = new StanfordCoreNLP(p);
    }

    /** The text's sentences with lower-cased lemmas; sentiment is {@link SentenceAnalysis#UNKNOWN}. */
    public List<SentenceAnalysis> sentences(String text) {
        List<SentenceAnalysis> sentences = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return sentences;
        }
        Annotation doc = new Annotation(text);
        pipeline.annotate(doc);
        int offset = 0;
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            List<String> lemmas = new ArrayList<>(tokens.size());
            for (CoreLabel t : tokens) {
                lemmas.add((t.lemma() != null ? t.lemma() : t.word()).toLowerCase(Locale.ROOT));
            }
            sentences.add(new SentenceAnalysis(sentences.size(), sentence.get(CoreAnnotations.TextAnnotation.class),
                    SentenceAnalysis.UNKNOWN, offset, offset + tokens.size(), List.copyOf(lemmas)));
            offset += tokens.size();
        }
        return sentences;
    }
}
