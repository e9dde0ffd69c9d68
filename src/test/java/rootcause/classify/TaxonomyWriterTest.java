package rootcause.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What train-causes writes, read back by the loader the job uses. */
class TaxonomyWriterTest {
    @Test
    void aBundleWithTrainingSentencesLoadsWithThemAndItsNewVersion(@TempDir Path dir) throws Exception {
        TrainingSentence sentence = new TrainingSentence("I waited on hold for two hours.", List.of("waiting"), List.of());
        Files.writeString(dir.resolve(TaxonomyLoader.BUNDLE_FILE),
                TaxonomyWriter.withTrainingSentences(exampleLayerTaxonomy(), "9.9.9+trained", 0.42, List.of(sentence)));

        Taxonomy loaded = TaxonomyLoader.load(dir);
        assertThat(loaded.version()).isEqualTo("9.9.9+trained");
        assertThat(loaded.semantic().threshold()).isEqualTo(0.42);
        assertThat(loaded.semantic().training()).contains(sentence);
    }

    @Test
    void aBundleWithATrainedHeadNamesTheHeadBesideIt(@TempDir Path dir) throws Exception {
        String yaml = TaxonomyWriter.withTrainedHead(TaxonomyLoader.text(null), "9.9.9+trained", 0.37);
        assertThat(yaml).startsWith("# Written by rootcause train-causes").contains("head: \"" + TaxonomyWriter.HEAD_FILE + "\"");
        Files.writeString(dir.resolve(TaxonomyLoader.BUNDLE_FILE), yaml);
        copyBuiltInHead(dir);

        Taxonomy loaded = TaxonomyLoader.load(dir);
        assertThat(loaded.version()).isEqualTo("9.9.9+trained");
        assertThat(loaded.semantic().threshold()).isEqualTo(0.37);
        assertThat(loaded.causes()).hasSameSizeAs(TaxonomyLoader.loadDefault().causes());
    }

    /** The built-in taxonomy with the example layer (linear over the base encoder) in place of the trained head. */
    private static String exampleLayerTaxonomy() {
        String builtIn = TaxonomyLoader.text(null);
        int start = builtIn.indexOf("\nsemantic:\n");
        String semantic = builtIn.substring(start, builtIn.indexOf("\n\n", start));
        return builtIn.replace(semantic, "\nsemantic:\n  decision: linear\n  threshold: 0.5");
    }

    private static void copyBuiltInHead(Path dir) throws Exception {
        try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream("rootcause/taxonomy/" + TaxonomyWriter.HEAD_FILE)) {
            Files.copy(in, dir.resolve(TaxonomyWriter.HEAD_FILE));
        }
    }
}
