package rootcause.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rootcause.evaluation.sentiment.EvaluationSets;
import rootcause.evaluation.sentiment.LabelledText;
import rootcause.evaluation.sentiment.SentimentEvaluationReport;
import rootcause.nlp.NlpSettings;
import rootcause.sentiment.SentimentModelFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code evaluate sentiment}: scores the sentiment pipelines against human labels and prints Markdown. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score sentiment against human labels (SST-2 binary test, airline tweets).")
public final class EvaluateCommand implements Callable<Integer> {
    enum Target { sentiment }

    /** srGated: shift-reduce parsing only the sentences the sentiment gate lets through (NlpSettings.parseOnlySentiment). */
    enum Parser { sr, srGated, pcfg }

    enum DataSet { sst, airline }

    @Parameters(index = "0", description = "What to evaluate: ${COMPLETION-CANDIDATES}.")
    Target target;

    @Option(names = "--data", required = true, description = "Directory holding sst2_binary_test.tsv and airline_tweets_Tweets.csv.")
    Path data;

    @Option(names = "--parsers", split = ",", defaultValue = "sr,pcfg", description = "Parsers to run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<Parser> parsers;

    @Option(names = "--sets", split = ",", defaultValue = "sst,airline", description = "Data sets: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<DataSet> sets;

    @Option(names = "--sst-limit", defaultValue = "0", description = "Use every k-th SST sentence, at most this many (0 = all).")
    int sstLimit;

    @Option(names = "--pcfg-sst-limit", defaultValue = "0", description = "Like --sst-limit, for the slow PCFG parser only (0 = all).")
    int pcfgSstLimit;

    @Option(names = "--airline-limit", defaultValue = "0", description = "Use every k-th tweet, at most this many (0 = all).")
    int airlineLimit;

    @Option(names = "--threads", defaultValue = "2", description = "Threads sharing one pipeline (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--sentiment-model", defaultValue = "default",
            description = "Also score the polarity layer with this model: 'default' (the shipped one), a folder from "
                    + "train-sentiment, or 'none' (default: ${DEFAULT-VALUE}).")
    String sentimentModel;

    @Option(names = "--predictions", description = "Directory to write one TSV of predictions per parser and data set.")
    Path predictionsDir;

    /** Runs the verb on its own, before or without the main CLI. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (DataSet set : sets) {
            for (Parser parser : parsers) {
                if (set == DataSet.airline && parser == Parser.pcfg) {
                    continue; // the job uses shift-reduce; PCFG on 14,640 tweets adds nothing the SST run does not show
                }
                System.out.println(run(set, parser));
            }
        }
        return 0;
    }

    private String run(DataSet set, Parser parser) throws IOException, InterruptedException {
        String model = parser == Parser.pcfg ? NlpSettings.PCFG : NlpSettings.SHIFT_REDUCE;
        NlpSettings settings = new NlpSettings(model, NlpSettings.DEFAULT_MAX_SENTENCE_TOKENS)
                .withParseOnlySentiment(parser == Parser.srGated);
        List<LabelledText> texts;
        if (set == DataSet.sst) {
            int limit = parser == Parser.pcfg && pcfgSstLimit > 0 ? pcfgSstLimit : sstLimit;
            texts = EvaluationSets.everyKth(EvaluationSets.sst2(data.resolve(EvaluationSets.SST2_TEST)), limit);
        } else {
            texts = EvaluationSets.everyKth(EvaluationSets.airlineTweets(data.resolve(EvaluationSets.AIRLINE_TWEETS)), airlineLimit);
        }
        SentimentEvaluationReport.LabelledSet labelled = new SentimentEvaluationReport.LabelledSet(set.name(), texts,
                limitNote(set, parser), set == DataSet.sst);
        SentimentModelFile layer = "none".equals(sentimentModel) ? null : SentimentModelFile.named(sentimentModel);
        return SentimentEvaluationReport.run(labelled, parser.name(), settings, threads, layer, predictionsDir);
    }

    private String limitNote(DataSet set, Parser parser) {
        int limit = set == DataSet.airline ? airlineLimit
                : parser == Parser.pcfg && pcfgSstLimit > 0 ? pcfgSstLimit : sstLimit;
        return limit > 0 ? " (every k-th, at most " + limit + ")" : " (all)";
    }
}
