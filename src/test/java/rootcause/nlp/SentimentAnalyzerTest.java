package rootcause.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("corenlp")
class SentimentAnalyzerTest {
    private final SentimentAnalyzer analyzer = SentimentAnalyzer.shared(NlpSettings.defaults());

    /** 18 clauses of 5 tokens plus 4: 94 tokens, over the default cap of 80, in one sentence. */
    private static final String RUN_ON = "I called the bank and ".repeat(18) + "nobody helped me.";

    @Test
    void splitsSentencesAndLemmatises() {
        DocumentAnalysis a = analyzer.analyze("The agents were rude to me. Nobody called me back after three weeks!");
        assertThat(a.sentences()).hasSize(2);
        assertThat(a.sentences().get(0).lemmas()).contains("agent", "be", "rude");
        assertThat(a.sentences().get(1).lemmas()).contains("nobody", "call", "back");
        assertThat(a.sentences().get(1).tokenBegin()).isEqualTo(a.sentences().get(0).tokenEnd());
        assertThat(a.sentencesTooLong()).isZero();
    }

    @Test
    void hostileComplaintScoresNegative() {
        DocumentAnalysis a = analyzer.analyze("This is the worst, most useless customer service I have ever had. I am furious.");
        assertThat(a.sentimentScore()).isLessThan(-0.2);
        assertThat(a.mostNegativeSentence()).isNotBlank();
    }

    @Test
    void sharedAnalyzerIsOnePerSettings() {
        assertThat(SentimentAnalyzer.shared(NlpSettings.defaults())).isSameAs(analyzer);
    }

    @Test
    void sentenceOverTheCapKeepsLemmasButHasUnknownSentimentAndIsCounted() {
        DocumentAnalysis a = analyzer.analyze("The staff were lovely. " + RUN_ON);
        assertThat(a.sentences()).hasSize(2);
        SentenceAnalysis tooLong = a.sentences().get(1);
        assertThat(tooLong.tokenEnd() - tooLong.tokenBegin()).isGreaterThan(NlpSettings.DEFAULT_MAX_SENTENCE_TOKENS);
        assertThat(tooLong.sentiment()).isEqualTo(SentenceAnalysis.UNKNOWN);
        assertThat(tooLong.lemmas()).contains("call", "bank", "nobody", "help");
        assertThat(a.sentencesTooLong()).isEqualTo(1);
        // The score comes from the short sentence alone.
        assertThat(a.sentimentScore()).isEqualTo(SentimentScore.value(a.sentences().get(0).sentiment()));
    }

    @Test
    void parserDoesNotSearchSentencesOverTheCap() {
        // CoreNLP's parse.maxlen gives a too-long sentence a flat placeholder tree without running the
        // parser; a real parse of this sentence is many levels deep.
        CoreMap tooLong = analyzer.annotate(RUN_ON).get(CoreAnnotations.SentencesAnnotation.class).get(0);
        Tree tree = tooLong.get(TreeCoreAnnotations.TreeAnnotation.class);
        assertThat(tree.depth()).as("tree %s", tree).isLessThanOrEqualTo(3);

        CoreMap parsed = analyzer.annotate("I called the bank and nobody helped me.")
                .get(CoreAnnotations.SentencesAnnotation.class).get(0);
        assertThat(parsed.get(TreeCoreAnnotations.TreeAnnotation.class).depth()).isGreaterThan(3);
    }

    @Test
    void twoThreadsSharingThePipelineGiveTheSequentialResults() throws Exception {
        List<String> texts = List.of(
                "The agent hung up on me twice. I am very angry about this.",
                "Thank you for the quick refund, great service!",
                "My card was charged two times and nobody will fix it.",
                "The app keeps crashing when I try to log in.",
                "I waited on hold for three hours. Then the call dropped.",
                "They were polite but could not answer my question.",
                "Worst bank ever. Closing my account tomorrow.",
                "The new fees were never explained to me.",
                "Your support team solved it in five minutes, thanks.",
                "I was told my loan was approved, then it was denied without reason.",
                "The branch staff were rude and dismissive.",
                "Still no response after four emails.");
        List<DocumentAnalysis> sequential = texts.stream().map(analyzer::analyze).toList();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<DocumentAnalysis>> futures = new ArrayList<>();
                for (String text : texts) {
                    futures.add(pool.submit(() -> analyzer.analyze(text)));
                }
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(futures.get(i).get()).as(texts.get(i)).isEqualTo(sequential.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
