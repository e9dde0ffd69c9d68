package rootcause.nlp;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NlpCacheKeyTest {
    private static final Map<String, String> MODELS = Map.of(NlpSettings.TAGGER, "aa", NlpSettings.SHIFT_REDUCE, "bb");
    private static final Map<String, String> LIBRARIES = Map.of("corenlp", "4.5.10", "corenlp_models", "4.5.10");
    private static final String FINGERPRINT = NlpCacheKey.fingerprint(NlpSettings.defaults(), MODELS, "cc", LIBRARIES);

    @Test
    void theSameTextAndSettingsGiveTheSameKey() {
        assertThat(NlpCacheKey.fingerprint(NlpSettings.defaults(), Map.of(NlpSettings.SHIFT_REDUCE, "bb",
                NlpSettings.TAGGER, "aa"), "cc", LIBRARIES)).as("map order does not matter").isEqualTo(FINGERPRINT);
        assertThat(NlpCacheKey.key(FINGERPRINT, "The agent was rude.")).matches("[0-9a-f]{64}")
                .isEqualTo(NlpCacheKey.key(FINGERPRINT, "The agent was rude."));
        assertThat(NlpCacheKey.key(FINGERPRINT, null)).as("null is the empty text").isEqualTo(NlpCacheKey.key(FINGERPRINT, ""));
    }

    @Test
    void theKeyChangesWithTheText() {
        assertThat(NlpCacheKey.key(FINGERPRINT, "The agent was rude."))
                .isNotEqualTo(NlpCacheKey.key(FINGERPRINT, "The agent was rude!"))
                .isNotEqualTo(NlpCacheKey.key(FINGERPRINT, "the agent was rude."));
    }

    /** Caches written before the sentiment gate existed stay valid: without the gate the key text is the old one. */
    @Test
    void settingsWithoutTheGateKeepTheKeyTextTheyHadBeforeIt() {
        assertThat(NlpSettings.defaults().cacheKeyText()).isEqualTo("NlpSettings[parserModel="
                + NlpSettings.SHIFT_REDUCE + ", maxSentenceTokens=80, oneSentencePerText=false, parse=true]");
        assertThat(NlpSettings.defaults().withParseOnlySentiment(true).cacheKeyText()).endsWith(", parseOnlySentiment=true]");
    }

    @Test
    void theFingerprintChangesWithEverySettingModelAndVersion() {
        assertThat(FINGERPRINT).matches("[0-9a-f]{64}");
        assertThat(NlpCacheKey.fingerprint(new NlpSettings(NlpSettings.SHIFT_REDUCE, 60), MODELS, "cc", LIBRARIES))
                .as("max sentence tokens").isNotEqualTo(FINGERPRINT);
        assertThat(NlpCacheKey.fingerprint(new NlpSettings(NlpSettings.PCFG, 80), MODELS, "cc", LIBRARIES))
                .as("parser").isNotEqualTo(FINGERPRINT);
        assertThat(NlpCacheKey.fingerprint(NlpSettings.defaults().withoutParser(), MODELS, "cc", LIBRARIES))
                .as("parser-free").isNotEqualTo(FINGERPRINT);
        assertThat(NlpCacheKey.fingerprint(NlpSettings.defaults().withParseOnlySentiment(true), MODELS, "cc", LIBRARIES))
                .as("parsing only what sentiment needs").isNotEqualTo(FINGERPRINT);
        assertThat(NlpCacheKey.fingerprint(NlpSettings.defaults(), Map.of(NlpSettings.TAGGER, "aa", NlpSettings.SHIFT_REDUCE, "bX"),
                "cc", LIBRARIES)).as("a model file's hash").isNotEqualTo(FINGERPRINT);
        assertThat(NlpCacheKey.fingerprint(NlpSettings.defaults(), MODELS, "cX", LIBRARIES))
                .as("the sentiment model's hash").isNotEqualTo(FINGERPRINT);
        assertThat(NlpCacheKey.fingerprint(NlpSettings.defaults(), MODELS, null, LIBRARIES))
                .as("no sentiment layer").isNotEqualTo(FINGERPRINT);
        assertThat(NlpCacheKey.fingerprint(NlpSettings.defaults(), MODELS, "cc", Map.of("corenlp", "4.5.11", "corenlp_models", "4.5.10")))
                .as("CoreNLP's version").isNotEqualTo(FINGERPRINT);
        String other = NlpCacheKey.fingerprint(NlpSettings.defaults(), MODELS, "cX", LIBRARIES);
        assertThat(NlpCacheKey.key(other, "The agent was rude.")).as("so does every text's key")
                .isNotEqualTo(NlpCacheKey.key(FINGERPRINT, "The agent was rude."));
    }
}
