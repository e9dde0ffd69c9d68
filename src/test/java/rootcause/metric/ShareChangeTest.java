package rootcause.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ShareChangeTest {

    // Reference values from scipy: norm.sf on the pooled two-proportion z.
    @Test
    void matchesPooledTwoProportionZTest() {
        ShareChange change = ShareChange.between(10, 100, 20, 100);
        assertThat(change.change()).isCloseTo(0.10, within(1e-12));
        assertThat(change.z()).isCloseTo(1.98029509, within(1e-6));
        assertThat(change.pValue()).isCloseTo(0.04767038, within(1e-6));
    }

    @Test
    void smallDropIsNotSignificant() {
        ShareChange change = ShareChange.between(50, 1000, 45, 1000);
        assertThat(change.z()).isCloseTo(-0.52562463, within(1e-6));
        assertThat(change.pValue()).isCloseTo(0.59914904, within(1e-6));
    }

    @Test
    void unequalMonthSizes() {
        ShareChange change = ShareChange.between(3, 40, 9, 30);
        assertThat(change.previousShare()).isCloseTo(0.075, within(1e-12));
        assertThat(change.share()).isCloseTo(0.3, within(1e-12));
        assertThat(change.pValue()).isCloseTo(0.01344257, within(1e-6));
    }

    @Test
    void noVarianceMeansNoEvidenceOfChange() {
        assertThat(ShareChange.between(0, 10, 0, 20).pValue()).isEqualTo(1.0);
        assertThat(ShareChange.between(10, 10, 20, 20).pValue()).isEqualTo(1.0);
    }

    // Reference values from scipy.stats.fisher_exact (two-sided).
    @Test
    void smallExpectedCountsUseFishersExactTest() {
        ShareChange fiveNew = ShareChange.between(0, 1000, 5, 1000);
        assertThat(fiveNew.test()).isEqualTo(ShareChange.FISHER);
        assertThat(fiveNew.pValue()).isCloseTo(0.0621875785, within(1e-9));
        assertThat(ShareChange.between(0, 1000, 8, 1000).pValue()).isCloseTo(0.0077034809, within(1e-9));
        assertThat(ShareChange.between(2, 50, 9, 40).pValue()).isCloseTo(0.0100231765, within(1e-9));
        assertThat(ShareChange.between(0, 5, 95, 1789).pValue()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void largeExpectedCountsUseTheZTest() {
        assertThat(ShareChange.between(10, 100, 20, 100).test()).isEqualTo(ShareChange.Z_TEST);
        assertThat(ShareChange.between(3, 40, 9, 30).test()).isEqualTo(ShareChange.Z_TEST);
    }

    @Test
    void rejectsEmptyMonths() {
        assertThatThrownBy(() -> ShareChange.between(0, 0, 1, 10)).hasMessageContaining("previous 0");
    }
}
