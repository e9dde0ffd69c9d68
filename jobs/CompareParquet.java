import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

/**
 * The Parquet half of {@code jobs/compare-outputs}: each dataset of two output folders must have the same schema and
 * the same rows (as a multiset; each row compared as its JSON, so nested columns count too). Exit 1 on a difference.
 */
public class CompareParquet {
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1")
                // month=2025-10 stays a string, as the job reads it
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false").getOrCreate();
        boolean allSame = true;
        for (String name : new String[]{"causes", "stats", "complaints", "candidates", "rejects"}) {
            Dataset<Row> a = spark.read().parquet(args[0] + "/" + name);
            Dataset<Row> b = spark.read().parquet(args[1] + "/" + name);
            boolean schema = a.schema().equals(b.schema());
            Dataset<String> rowsA = a.select(to_json(struct(col("*")))).as(Encoders.STRING());
            Dataset<String> rowsB = b.select(to_json(struct(col("*")))).as(Encoders.STRING());
            long onlyA = rowsA.exceptAll(rowsB).count();
            long onlyB = rowsB.exceptAll(rowsA).count();
            boolean same = schema && onlyA == 0 && onlyB == 0;
            allSame &= same;
            System.out.println((same ? "same  " : "DIFF  ") + name + "/ (Parquet): " + a.count() + " rows, schema "
                    + (schema ? "equal" : "differs") + ", rows only before " + onlyA + ", only after " + onlyB);
        }
        spark.stop();
        System.exit(allSame ? 0 : 1);
    }
}
