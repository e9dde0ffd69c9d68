package rootcause.report;

import rootcause.metric.CauseMetrics;
import rootcause.metric.Emerging;
import rootcause.metric.OutcomeRates;
import rootcause.metric.TaxonomyVersion;

import org.junit.jupiter.api.Test;
import rootcause.metric.EmergingRule;
import rootcause.aggregate.SegmentComparison;
import rootcause.model.RowCounts;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeadershipReportTest {
    private final LeadershipReport report = new LeadershipReport(EmergingRule.DEFAULT);
    private final ZonedDateTime now = ZonedDateTime.parse("2024-03-01T09:00:00Z");

    @Test
    void escapesMarkupInComplaintTextAndCauseNames() throws Exception {
        String html = report.html(ReportFixtures.hostile(), now);
        assertThat(html).doesNotContain("<script").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;/blockquote&gt;&lt;/body&gt;")
                .contains("rude &amp; slow");
        parse(html);
    }

    @Test
    void saysWhatChangedAndWhatIsEmerging() {
        ReportHtml page = ReportHtml.of(report.html(ReportFixtures.hostile(), now));
        assertThat(page.text()).contains("February 2024").contains("Compared with January 2024").contains("+20.0 pts")
                .contains("likely real").contains("emerging causes this month").contains("15.0 % of complaints matched no known cause");
    }

    @Test
    void judgesMovesOnTheirQValueAndNamesTheTest() {
        ReportHtml page = ReportHtml.of(report.html(ReportFixtures.hostile(), now));
        assertThat(page.text()).contains("likely real (p = 0.010, q = 0.020, z-test)").contains("Benjamini")
                .doesNotContain("Faded points").doesNotContain("too few complaints to call");
    }

    @Test
    void smallMonthsAreNotCalledAndTheirTrendPointsAreNamedAsFaded() {
        ReportHtml page = ReportHtml.of(report.html(ReportFixtures.againstASmallJanuary(), now));
        assertThat(page.text()).contains("Faded points, off the lines: months with fewer than 30 complaints "
                        + "(2024-01: 20 complaints). Too few to read a share or a change from, they do not set the chart's scale")
                .contains("too few complaints to call").doesNotContain("likely real (");
    }

    @Test
    void saysWhenTheMonthsWereClassifiedByDifferentTaxonomies() {
        MonthReport feb = ReportFixtures.hostile();
        List<CauseMetrics> causes = feb.causes().stream().map(c -> c.with(Emerging.EMERGING, false)
                .with(Emerging.EMERGING_RULE, null)
                .with(TaxonomyVersion.TAXONOMY_VERSION, "rootcause_service_causes 2.2.0 (sha256 ffffffffffff)")
                .with(TaxonomyVersion.TAXONOMY_CHANGED, true)).toList();
        MonthReport edited = new MonthReport(feb.month(), causes, feb.groups(), feb.history(), feb.quotes(), feb.counts());
        ReportHtml page = ReportHtml.of(report.html(edited, now));
        assertThat(page.text()).contains("classified by different taxonomies")
                .contains("January 2024 by rootcause_service_causes 2.1.0 (sha256 0123456789ab)")
                .contains("this month by rootcause_service_causes 2.2.0 (sha256 ffffffffffff)")
                .contains("jobs/rootcause reclassify --output OUT --months 2024-01").contains("not called: the taxonomy changed");
        assertThat(ReportHtml.of(report.html(edited, now, "my out", "tax/edited.yaml")).text())
                .contains("jobs/rootcause reclassify --output 'my out' --months 2024-01 --taxonomy tax/edited.yaml");
        assertThat(ReportHtml.of(report.html(feb, now)).text()).doesNotContain("different taxonomies");
    }

    @Test
    void namesTheCausesThatConcentrateInASegmentWithTheirBaseRateWarning() {
        MonthReport feb = ReportFixtures.hostile();
        SegmentComparison.Row store = new SegmentComparison.Row("2024-02", "channel", "store <b>", "rudeness", "Rudeness",
                30, 60, 0.5, 30, 240, 0.125, 4.0, 1e-6, 4e-6, "z", true, "92 % of the segment's complaints have a cause");
        SegmentComparison.Row phone = new SegmentComparison.Row("2024-02", "channel", "phone", "rudeness", "Rudeness",
                30, 240, 0.125, 30, 60, 0.5, 0.25, 1e-6, 4e-6, "z", false, null);
        MonthReport withSegments = new MonthReport(feb.month(), feb.causes(), feb.groups(), feb.history(), feb.quotes(),
                feb.counts(), List.of(store, phone));
        String html = report.html(withSegments, now);
        assertThat(html).doesNotContain("store <b>");
        assertThat(ReportHtml.of(html).text()).contains("Rudeness: 4.0× in channel = store <b> (50.0 % of its complaints, "
                + "30 of 60, against 12.5 % elsewhere), q = 0.000 *").contains("* channel store <b>: 92 %")
                .doesNotContain("in channel = phone");
        assertThat(ReportHtml.of(report.html(feb, now)).text()).contains("no segments large enough");
    }

    @Test
    void ranksCausesByWhatTheyCostTheCustomersScoreWhenThereAreScores() {
        MonthReport feb = ReportFixtures.hostile();
        assertThat(ReportHtml.of(report.html(feb, now)).text()).doesNotContain("own score");
        MonthReport withScores = ReportFixtures.withScores(feb, -12.5);
        String text = ReportHtml.of(report.html(withScores, now)).text();
        assertThat(text).contains("own score").contains("averages 3.48 this month");
        assertThat(text.indexOf("-0.42")).as("most costly first").isPositive().isLessThan(text.indexOf("-0.12"));
        assertThat(text).contains("-0.55 to -0.30").contains("-0.30 to +0.06");
        assertThat(text).contains("NPS points are the month's Net Promoter Score").contains("-12.5");
        String withoutNps = ReportHtml.of(report.html(ReportFixtures.withScores(feb, null), now)).text();
        assertThat(withoutNps).contains("own score").doesNotContain("NPS points");
    }


    @Test
    void quotesShowTheMatchedWordsInBoldAndStillEscapeTheText() {
        MonthReport feb = ReportFixtures.hostile();
        java.util.Map<String, List<Quote>> quotes = java.util.Map.of("rudeness", List.of(new Quote("2024-02", "rudeness", "c1",
                "The <i>agent</i> was rude & loud", -1, rootcause.model.Evidence.PATTERN, "be rude")));
        String html = report.html(new MonthReport(feb.month(), feb.causes(), feb.groups(), feb.history(), quotes,
                feb.counts()), now);
        assertThat(html).contains("“The &lt;i&gt;agent&lt;/i&gt; <b>was rude</b> &amp; loud”");
    }

    @Test
    void aLongQuoteShowsItsEvidenceInBold() {
        MonthReport feb = ReportFixtures.hostile();
        String sentence = "After three calls about the same fee, each one starting over with my account number and my "
                .repeat(3) + "address, the agent was rude to me and ended the call.";
        java.util.Map<String, List<Quote>> quotes = java.util.Map.of("rudeness", List.of(new Quote("2024-02", "rudeness",
                "c1", Quote.excerpt(sentence, rootcause.model.Evidence.PATTERN, "be rude"), -1,
                rootcause.model.Evidence.PATTERN, "be rude")));
        String html = report.html(new MonthReport(feb.month(), feb.causes(), feb.groups(), feb.history(), quotes,
                feb.counts()), now);
        assertThat(org.jsoup.Jsoup.parse(html).select("blockquote b").eachText()).containsExactly("was rude");
    }

    @Test
    void saysHowTheCausesComplaintsEndWhereTheExportRecordsIt() {
        MonthReport feb = ReportFixtures.hostile();
        String waiting = "{\"company_response\":{\"Closed with monetary relief\":{\"complaints\":2,\"stated\":40,"
                + "\"rate\":0.05,\"rest_rate\":0.2167,\"ratio\":0.2308,\"p_value\":0.0222,\"q_value\":0.0444,\"test\":\"z\"},"
                + "\"Closed with explanation\":{\"complaints\":38,\"stated\":40,\"rate\":0.95,\"rest_rate\":0.7833,"
                + "\"ratio\":1.2128,\"p_value\":0.0222,\"q_value\":0.0444,\"test\":\"z\"}}}";
        // twice as often, but on too few complaints to tell from chance once the month's tests are corrected
        String rude = "{\"consumer_disputed\":{\"Yes\":{\"complaints\":6,\"stated\":20,\"rate\":0.3,"
                + "\"rest_rate\":0.15,\"ratio\":2.0,\"p_value\":0.09,\"q_value\":0.12,\"test\":\"fisher\"}}}";
        List<CauseMetrics> causes = feb.causes().stream().map(c -> c.with(OutcomeRates.OUTCOME_RATES,
                c.causeId().equals("long_wait") ? waiting : c.causeId().equals("rudeness") ? rude : null)).toList();
        String text = ReportHtml.of(report.html(new MonthReport(feb.month(), causes, feb.groups(), feb.history(),
                feb.quotes(), feb.counts()), now)).text();
        assertThat(text).contains("Long waits: company response “Closed with monetary relief” 4.3× less often "
                + "(5.0 % of 40 complaints, against 21.7 % for the rest; q = 0.044, z-test)")
                .doesNotContain("Closed with explanation").doesNotContain("“Yes”");
        assertThat(ReportHtml.of(report.html(feb, now)).text()).doesNotContain("How the causes' complaints end");
    }

    @Test
    void showsTheRunsCountsAndTheirReconciliation() {
        ReportHtml page = ReportHtml.of(report.html(ReportFixtures.hostile(), now));
        assertThat(page.runCounts()).containsExactly("123", "100", "20", "3", "4");
        assertThat(page.reconciliation()).isEqualTo(
                "Every row read is accounted for: read = accepted + rejected + filtered out, 123 = 100 + 20 + 3.");
    }

    @Test
    void countsPrintWithThousandsSeparators() {
        MonthReport big = withCounts(ReportFixtures.hostile(), RunCounts.of(new RowCounts(11_623, 4_310, 0, 7_313), 104));
        ReportHtml page = ReportHtml.of(report.html(big, now));
        assertThat(page.runCounts()).containsExactly("11,623", "4,310", "0", "7,313", "104");
        assertThat(page.reconciliation()).endsWith(", 11,623 = 4,310 + 0 + 7,313.");
    }

    @Test
    void partialCountsShowNoReconciliation() {
        MonthReport partial = withCounts(ReportFixtures.hostile(), new RunCounts(120L, 100L, 20L, null, null));
        ReportHtml page = ReportHtml.of(report.html(partial, now));
        assertThat(page.runCounts()).containsExactly("120", "100", "20", "n/a", "n/a");
        assertThat(page.reconciliation()).isNull();
    }

    private static MonthReport withCounts(MonthReport r, RunCounts counts) {
        return new MonthReport(r.month(), r.causes(), r.groups(), r.history(), r.quotes(), counts);
    }

    @Test
    void firstMonthWithoutManifestOrQuotesStillRenders() throws Exception {
        MonthReport only = new MonthReport("2024-01",
                List.of(ReportFixtures.cause("2024-01", "long_wait", "Long waits", 5, 10, -2, null, false)),
                List.of(), List.of(), Map.of(), RunCounts.UNKNOWN);
        String html = report.html(only, now);
        assertThat(ReportHtml.of(html).text()).contains("no data for the month before (December 2023)")
                .contains("Only one month of data").contains("manifest was not found").contains("No quote available");
        assertThat(ReportHtml.of(html).reconciliation()).isNull();
        parse(html);
    }

    /** A real case: August 2011 of the tweets export holds one complaint, and it matched no cause. */
    @Test
    void aMonthOfOneUnclassifiedComplaintSaysSoInTheSingular() throws Exception {
        MonthReport one = new MonthReport("2011-08",
                List.of(ReportFixtures.cause("2011-08", "unclassified", "Unclassified", 1, 1, 0, null, false)),
                List.of(), List.of(), Map.of(), RunCounts.UNKNOWN);
        String text = ReportHtml.of(report.html(one, now)).text();
        assertThat(text).contains("In August 2011 we analysed 1 complaint; it matched no known cause.")
                .contains("No complaint this month matched a known cause, so there is no cause to rank, chart or quote; it is counted as unclassified.")
                .contains("No cause matched this month, so there is nothing to quote.")
                .doesNotContain("1 complaints").doesNotContain("No complaints were analysed");
    }

    @Test
    void emptyMonthRendersAsOneShortPdfPage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String html = report.html(new MonthReport("2024-05", List.of(), List.of(), List.of(), Map.of(),
                RunCounts.UNKNOWN), now);
        assertThat(html).contains("No complaints were analysed");
        parse(html);
        java.nio.file.Path pdf = dir.resolve("report.pdf");
        writePdf(html, pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).as("nothing to chart or list: no blank pages").isLessThanOrEqualTo(2);
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("No complaints were analysed");
        }
    }

    private static void parse(String html) throws Exception {
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        xml.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static void writePdf(String html, java.nio.file.Path pdf) throws Exception {
        try (var out = java.nio.file.Files.newOutputStream(pdf)) {
            LeadershipReport.writePdf(html, out);
        }
    }

    /** An angry tweet, CJK, Cyrillic and a euro sign: what a reader sees of them, in the PDF and the HTML alike. */
    private static final String WORLD_TEXT = "Still waiting \uD83D\uDE21\uD83D\uDC4D\uD83C\uDFFD \uD83C\uDDFA\uD83C\uDDF8 "
            + "\u7B49\u5F85 \u0436\u0434\u0430\u0442\u044C \u2014 \u20AC5 fee";

    @Test
    void pdfShowsEmojiAndScriptsItHasNoFontForInWordsNeverAsHash(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        MonthReport month = new MonthReport("2024-01",
                List.of(ReportFixtures.cause("2024-01", "long_wait", "Long waits", 5, 10, -2, null, false)),
                List.of(), List.of(), Map.of("long_wait", List.of(new Quote("2024-01", "long_wait", "c1", WORLD_TEXT, 0))),
                RunCounts.UNKNOWN);
        String html = report.html(month, now);
        java.nio.file.Path pdf = dir.resolve("report.pdf");
        writePdf(html, pdf);
        String quote;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            int start = text.indexOf("Still waiting");
            quote = text.substring(start, text.indexOf("fee", start) + 3).replaceAll("\\s+", " ");
        }
        // the thumbs up (with its skin tone), the flag and the Han are in no embedded font: in words, never "#"
        assertThat(quote).doesNotContain("#").contains("[thumbs up sign]").contains("[flag US]").contains("[Han text]")
                // Liberation Sans, always embedded, covers Cyrillic and the euro sign
                .contains("\u0436\u0434\u0430\u0442\u044C \u2014 \u20AC5 fee");
        if (!ReportFonts.drawable(0x1F621)) {
            assertThat(quote).contains("[pouting face]"); // without DejaVu Sans's Emoticons block
        }
        assertThat(ReportHtml.of(html).text()).as("the HTML says the same").contains(quote);
    }

    @Test
    void writesInWordsOnlyWhatTheFontsCannotDraw() {
        assertThat(ReportFonts.readable("caf\u00E9 \u2014 \u20AC5, \u0436\u0434\u0430\u0442\u044C")).isEqualTo(
                "caf\u00E9 \u2014 \u20AC5, \u0436\u0434\u0430\u0442\u044C");
        assertThat(ReportFonts.readable("ok \uD83D\uDC4D\uD83C\uDFFD\u7B49\u5F85 \uD83D\uDC69\u200D\uD83D\uDCBB"))
                .isEqualTo("ok [thumbs up sign][Han text] [woman personal computer]");
        assertThat(ReportFonts.readable(null)).isNull();
    }

    @Test
    void pdfEmbedsEveryFontItUsesAndIsTagged(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path pdf = dir.resolve("report.pdf");
        writePdf(report.html(ReportFixtures.hostile(), now), pdf);
        List<String> fonts = new java.util.ArrayList<>();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    org.apache.pdfbox.pdmodel.font.PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged PDF").isTrue();
        }
        // Regular text and the bold of headings and matched words, from the embedded family.
        assertThat(fonts).anyMatch(f -> f.endsWith("LiberationSans")).anyMatch(f -> f.endsWith("LiberationSans-Bold"));
    }

    /**
     * openhtmltopdf must neither split a chart across two pages nor let it run past a page's edge: every chart of the
     * HTML is drawn exactly once in the PDF, wholly inside its page.
     */
    @Test
    void pdfDrawsEveryChartOnceAndWhollyOnOnePage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String html = report.html(ReportFixtures.hostile(), now);
        java.nio.file.Path pdf = dir.resolve("report.pdf");
        writePdf(html, pdf);
        long charts = org.jsoup.Jsoup.parse(html).select("img.chart").size();
        assertThat(charts).as("pareto, trend, sentiment").isEqualTo(3);
        List<String> outside = new java.util.ArrayList<>();
        int drawn = 0;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                ImagePlacements placements = new ImagePlacements();
                placements.processPage(page);
                drawn += placements.boxes.size();
                org.apache.pdfbox.pdmodel.common.PDRectangle media = page.getMediaBox();
                for (java.awt.geom.Rectangle2D box : placements.boxes) {
                    if (box.getMinX() < media.getLowerLeftX() - 0.5 || box.getMinY() < media.getLowerLeftY() - 0.5
                            || box.getMaxX() > media.getUpperRightX() + 0.5 || box.getMaxY() > media.getUpperRightY() + 0.5) {
                        outside.add(box.toString());
                    }
                }
            }
        }
        assertThat(drawn).as("each chart drawn once, none split over two pages").isEqualTo(charts);
        assertThat(outside).as("charts running past a page's edge").isEmpty();
    }

    /**
     * No table may be wider than the page's text area: openhtmltopdf lays a table that cannot shrink out past the
     * right margin and drops what falls off the page. Checked on openhtmltopdf's own layout (every table box inside
     * the root box) and on the PDF drawn (every glyph inside the template's 14 mm right margin). The score table,
     * with NPS, is the widest.
     */
    @Test
    void pdfTablesFitThePageWidth(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String html = report.html(ReportFixtures.withScores(ReportFixtures.hostile(), -12.5), now);
        List<String> tooWide = new java.util.ArrayList<>();
        int tables = 0;
        try (com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer = LeadershipReport.pdfBuilder(html).buildPdfRenderer()) {
            renderer.layout();
            com.openhtmltopdf.render.BlockBox root = renderer.getRootBox();
            java.util.ArrayDeque<com.openhtmltopdf.render.Box> boxes = new java.util.ArrayDeque<>(List.of(root));
            while (!boxes.isEmpty()) {
                com.openhtmltopdf.render.Box box = boxes.pop();
                if (box instanceof com.openhtmltopdf.newtable.TableBox table) {
                    tables++;
                    if (table.getAbsX() + table.getWidth() > root.getAbsX() + root.getWidth()) {
                        tooWide.add(table.getElement().getTextContent().strip().substring(0, 40) + "…: "
                                + table.getWidth() + " > " + root.getWidth());
                    }
                }
                boxes.addAll(box.getChildren());
            }
        }
        assertThat(tables).as("tables laid out").isGreaterThanOrEqualTo(4);
        assertThat(tooWide).as("tables wider than the page").isEmpty();

        java.nio.file.Path pdf = dir.resolve("report.pdf");
        writePdf(html, pdf);
        double margin = 14 / 25.4 * 72;
        List<String> outside = new java.util.ArrayList<>();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.text.PDFTextStripper glyphs = new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions)
                        throws java.io.IOException {
                    super.writeString(text, positions);
                    for (org.apache.pdfbox.text.TextPosition p : positions) {
                        if (p.getXDirAdj() + p.getWidthDirAdj() > p.getPageWidth() - margin + 0.5) {
                            outside.add(text);
                            return;
                        }
                    }
                }
            };
            assertThat(glyphs.getText(doc)).as("the score table is in the PDF").contains("NPS points");
        }
        assertThat(outside).as("text past the right margin").isEmpty();
    }

    /** Where a page draws its images: the unit square under the current transformation at each {@code Do}. */
    private static final class ImagePlacements extends org.apache.pdfbox.contentstream.PDFStreamEngine {
        final List<java.awt.geom.Rectangle2D> boxes = new java.util.ArrayList<>();

        ImagePlacements() {
            addOperator(new org.apache.pdfbox.contentstream.operator.state.Concatenate(this));
            addOperator(new org.apache.pdfbox.contentstream.operator.state.Save(this));
            addOperator(new org.apache.pdfbox.contentstream.operator.state.Restore(this));
            addOperator(new org.apache.pdfbox.contentstream.operator.DrawObject(this));
        }

        @Override
        protected void processOperator(org.apache.pdfbox.contentstream.operator.Operator operator,
                                       List<org.apache.pdfbox.cos.COSBase> operands) throws java.io.IOException {
            if ("Do".equals(operator.getName()) && !operands.isEmpty()
                    && operands.get(0) instanceof org.apache.pdfbox.cos.COSName name
                    && getResources().isImageXObject(name)) {
                org.apache.pdfbox.util.Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                boxes.add(new java.awt.geom.Rectangle2D.Double(Math.min(ctm.getTranslateX(), ctm.getTranslateX() + ctm.getScaleX()),
                        Math.min(ctm.getTranslateY(), ctm.getTranslateY() + ctm.getScaleY()),
                        Math.abs(ctm.getScaleX()), Math.abs(ctm.getScaleY())));
                return;
            }
            super.processOperator(operator, operands);
        }
    }
}
