package rootcause.job;

import org.junit.jupiter.api.Test;
import rootcause.clean.NameRedactor;
import rootcause.nlp.NlpSettings;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest's versions: CoreNLP's own (not the application's), and a hash per model file the pipeline loads. */
class LibraryVersionsTest {
    @Test
    void coreNlpVersionIsCoreNlpsNotTheApplications() {
        Map<String, String> v = LibraryVersions.libraries();
        // Unshaded in tests, CoreNLP's own jar manifest still answers: the build-written version must agree with it.
        assertThat(v.get("corenlp"))
                .isEqualTo(edu.stanford.nlp.pipeline.StanfordCoreNLP.class.getPackage().getImplementationVersion())
                .isNotEqualTo(LibraryVersions.class.getPackage().getImplementationVersion());
        assertThat(v.get("corenlp_models")).isEqualTo(v.get("corenlp"));
        assertThat(v.get("embeddings")).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void everyModelFileOfThePipelineIsHashed() {
        List<String> models = NlpSettings.defaults().modelResources();
        assertThat(models).containsExactly(NlpSettings.TAGGER, NlpSettings.SHIFT_REDUCE, NlpSettings.SENTIMENT_MODEL);
        assertThat(NlpSettings.defaults().withoutParser().modelResources()).containsExactly(NlpSettings.TAGGER);
        Map<String, String> sha = LibraryVersions.sha256(models);
        assertThat(sha.values()).hasSize(3).allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
        assertThat(LibraryVersions.sha256(List.of("no/such/model.gz"))).containsEntry("no/such/model.gz", "missing");
        // The clean stage's name models come from the slim models jar too.
        assertThat(LibraryVersions.sha256(NameRedactor.MODELS).values()).hasSize(2)
                .allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
    }
}
