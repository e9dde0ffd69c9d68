package rootcause.nlp;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import rootcause.model.Columns;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts a {@link DocumentAnalysis} to the nlp stage's columns and back. Pure (no Spark session);
 * runs on executors (writing) and wherever a later stage reads the columns (classify, explain).
 * Rows carry their schema, so fields are read by name.
 */
public final class NlpRows {
    private NlpRows() {}

    /** The five nlp columns of one analysis, as a row with schema {@link NlpStage#NLP_COLUMNS}. */
    public static Row toRow(DocumentAnalysis analysis) {
        return new GenericRowWithSchema(values(analysis), NlpStage.NLP_COLUMNS);
    }

    /** The five nlp column values in the order of {@link NlpStage#NLP_COLUMNS}. */
    static Object[] values(DocumentAnalysis analysis) {
        List<Row> sentences = new ArrayList<>(analysis.sentences().size());
        for (SentenceAnalysis s : analysis.sentences()) {
            sentences.add(new GenericRowWithSchema(new Object[] {
                    s.index(), s.text(), s.sentiment(), seq(s.sentimentProbabilities()), s.polarity(),
                    s.tokenBegin(), s.tokenEnd(), seq(s.lemmas())},
                    NlpStage.SENTENCE));
        }
        return new Object[] {seq(sentences), analysis.sentimentScore(), analysis.sentimentLabel(),
                analysis.mostNegativeSentence(), analysis.sentencesTooLong()};
    }

    /** The sentences of a row that has the {@code sentences} column (an nlp stage output row). */
    public static List<SentenceAnalysis> sentencesFrom(Row row) {
        int i = row.fieldIndex(Columns.SENTENCES);
        return row.isNullAt(i) ? List.of() : sentencesFrom(row.<Row>getList(i));
    }

    /** The elements of a {@code sentences} column as records, as a UDF receives them; null is no sentences. */
    public static List<SentenceAnalysis> sentencesFrom(scala.collection.Seq<Row> structs) {
        return structs == null ? List.of() : sentencesFrom(CollectionConverters.asJava(structs));
    }

    private static List<SentenceAnalysis> sentencesFrom(List<Row> structs) {
        List<SentenceAnalysis> sentences = new ArrayList<>(structs.size());
        for (Row s : structs) {
            if (s == null) {
                continue;
            }
            List<String> lemmas = s.getList(s.fieldIndex(SentenceAnalysis.LEMMAS));
            int p = s.fieldIndex(SentenceAnalysis.SENTIMENT_PROBABILITIES);
            List<Double> probabilities = s.isNullAt(p) ? List.of() : s.getList(p);
            sentences.add(new SentenceAnalysis(s.getInt(s.fieldIndex(SentenceAnalysis.INDEX)),
                    s.getString(s.fieldIndex(SentenceAnalysis.TEXT)), s.getInt(s.fieldIndex(SentenceAnalysis.SENTIMENT)),
                    probabilities, s.getDouble(s.fieldIndex(SentenceAnalysis.POLARITY)),
                    s.getInt(s.fieldIndex(SentenceAnalysis.TOKEN_BEGIN)), s.getInt(s.fieldIndex(SentenceAnalysis.TOKEN_END)),
                    lemmas));
        }
        return List.copyOf(sentences);
    }

    /** The whole analysis of a row that has all five nlp columns. */
    public static DocumentAnalysis analysisFrom(Row row) {
        return new DocumentAnalysis(sentencesFrom(row),
                row.getDouble(row.fieldIndex(Columns.SENTIMENT_SCORE)),
                row.getString(row.fieldIndex(Columns.SENTIMENT_LABEL)),
                row.getString(row.fieldIndex(Columns.MOST_NEGATIVE_SENTENCE)),
                row.getInt(row.fieldIndex(Columns.SENTENCES_TOO_LONG)));
    }

    private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }
}
