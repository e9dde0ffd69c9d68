package rootcause.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fonts the PDF embeds, and the one rule for text they cannot draw. Liberation Sans (always, from the
 * {@code openpdf-fonts-extra} jar) and DejaVu Sans (where Debian's {@code fonts-dejavu-core} is installed: Greek,
 * Cyrillic, many symbols and the Emoticons block) are embedded; openhtmltopdf takes each character from the first of
 * them that has it, and draws "#" for a character neither has (most emoji, CJK). The machine has no emoji font
 * openhtmltopdf can embed (Debian's Noto Color Emoji is a colour bitmap font, which PDFBox cannot draw), and a
 * browser without one draws a box. So such text is written out in words, in the HTML and the PDF alike:
 * {@link #readable}.
 */
final class ReportFonts {
    private ReportFonts() {}

    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");

    private enum FontFace {
        REGULAR("Regular", "", 400, BaseRendererBuilder.FontStyle.NORMAL),
        BOLD("Bold", "-Bold", 700, BaseRendererBuilder.FontStyle.NORMAL),
        ITALIC("Italic", "-Oblique", 400, BaseRendererBuilder.FontStyle.ITALIC),
        BOLD_ITALIC("BoldItalic", "-BoldOblique", 700, BaseRendererBuilder.FontStyle.ITALIC);

        final String liberationSuffix;
        final String dejaVuSuffix;
        final int weight;
        final BaseRendererBuilder.FontStyle style;

        FontFace(String liberationSuffix, String dejaVuSuffix, int weight, BaseRendererBuilder.FontStyle style) {
            this.liberationSuffix = liberationSuffix;
            this.dejaVuSuffix = dejaVuSuffix;
            this.weight = weight;
            this.style = style;
        }

        String liberation(String family) {
            return "/liberation/Liberation" + family + "-" + liberationSuffix + ".ttf";
        }

        Path dejaVu() {
            return DEJAVU.resolve("DejaVuSans" + dejaVuSuffix + ".ttf");
        }
    }

    /**
     * Liberation's three families, under their own names and the names openhtmltopdf gives the CSS generic families
     * (no font is built in), and DejaVu Sans where installed.
     */
    static void register(PdfRendererBuilder builder) {
        String[][] families = {{"Sans", "Liberation Sans", "SansSerif"}, {"Serif", "Liberation Serif", "Serif"},
                {"Mono", "Liberation Mono", "Monospaced"}};
        for (String[] family : families) {
            for (FontFace face : FontFace.values()) {
                String resource = face.liberation(family[0]);
                if (ReportFonts.class.getResource(resource) == null) {
                    throw new IllegalStateException("font " + resource + " is missing from the class path");
                }
                for (String name : List.of(family[1], family[2])) {
                    builder.useFont(() -> ReportFonts.class.getResourceAsStream(resource), name,
                            face.weight, face.style, true);
                }
            }
        }
        for (FontFace face : FontFace.values()) {
            if (Files.isRegularFile(face.dejaVu())) {
                builder.useFont(face.dejaVu().toFile(), "DejaVu Sans", face.weight, face.style, true);
            }
        }
    }

    /**
     * The fonts complaint text is set in (the template's body: Liberation Sans, then DejaVu Sans), in the faces a quote
     * uses: regular, and bold for the matched words. A character counts as drawable when one family has it in both.
     */
    private static final class Coverage {
        static final List<List<Font>> FAMILIES = load();

        private static List<List<Font>> load() {
            List<List<Font>> families = new ArrayList<>();
            families.add(List.of(font(FontFace.REGULAR.liberation("Sans")), font(FontFace.BOLD.liberation("Sans"))));
            if (Files.isRegularFile(FontFace.REGULAR.dejaVu()) && Files.isRegularFile(FontFace.BOLD.dejaVu())) {
                families.add(List.of(font(FontFace.REGULAR.dejaVu()), font(FontFace.BOLD.dejaVu())));
            }
            return families;
        }

        private static Font font(String resource) {
            try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("cannot read font " + resource, e);
            }
        }

        private static Font font(Path file) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + file, e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("cannot read font " + file, e);
            }
        }
    }

    /** Whether the PDF's fonts draw this character. */
    static boolean drawable(int codePoint) {
        return Coverage.FAMILIES.stream().anyMatch(faces -> faces.stream().allMatch(f -> f.canDisplay(codePoint)));
    }

    /** A user-perceived character (an emoji with its skin tone, joiners and variation selector is one). */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    /**
     * The text with every character the PDF's fonts cannot draw written in words, so that no reader of the HTML or
     * the PDF meets a box or "#": an emoji or other symbol becomes its Unicode name in brackets ("[pouting face]",
     * "[thumbs up sign]", a flag "[flag US]"), a run of letters of a script the fonts lack its script ("[Han text]").
     * Marks, joiners and selectors that cannot be drawn are dropped when what they modify can be. Characters the
     * fonts draw are left alone. The CSV files keep the original text.
     */
    static String readable(String text) {
        if (text == null || text.codePoints().allMatch(ReportFonts::drawable)) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Character.UnicodeScript openScript = null;
        Matcher m = GRAPHEME.matcher(text);
        while (m.find()) {
            String cluster = m.group();
            int[] base = cluster.codePoints().filter(c -> !isModifier(c)).toArray();
            if (base.length == 0 || java.util.Arrays.stream(base).allMatch(ReportFonts::drawable)) {
                cluster.codePoints().filter(c -> !isModifier(c) || drawable(c)).forEach(out::appendCodePoint);
                openScript = null;
            } else if (Character.isLetterOrDigit(base[0])) {
                Character.UnicodeScript script = Character.UnicodeScript.of(base[0]);
                if (script != openScript) {
                    String name = script.name().charAt(0)
                            + script.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
                    out.append('[').append(name).append(" text]");
                    openScript = script;
                }
            } else {
                out.append('[').append(symbolName(base)).append(']');
                openScript = null;
            }
        }
        return out.toString();
    }

    /** A code point that only modifies the one before: a mark, a joiner, a variation selector, a skin tone. */
    private static boolean isModifier(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF);
    }

    private static final int REGIONAL_A = 0x1F1E6;

    /** "pouting face", "woman personal computer" (a joined sequence), "flag US" (two regional indicators). */
    private static String symbolName(int[] codePoints) {
        if (codePoints.length == 2 && java.util.Arrays.stream(codePoints).allMatch(c -> c >= REGIONAL_A && c <= 0x1F1FF)) {
            return "flag " + (char) ('A' + codePoints[0] - REGIONAL_A) + (char) ('A' + codePoints[1] - REGIONAL_A);
        }
        List<String> names = new ArrayList<>();
        for (int c : codePoints) {
            String name = Character.getName(c);
            // a character newer than this Java's Unicode has no name
            names.add(name == null ? "symbol" : name.toLowerCase(Locale.ROOT));
        }
        return String.join(" ", names);
    }
}
