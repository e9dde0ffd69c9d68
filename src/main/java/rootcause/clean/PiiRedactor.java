package rootcause.clean;

import org.apache.commons.validator.routines.IBANValidator;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in complaint text with placeholders ({@code [email]}, {@code [phone]},
 * {@code [card]}, {@code [account]} (IBANs too), {@code [ssn]}, {@code [address]}: street lines, US city, state and
 * ZIP, UK postcodes). Precompiled, stateless, thread-safe. Dates, money, times and short numbers are left alone.
 */
public final class PiiRedactor implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String EMAIL = "[email]";
    public static final String PHONE = "[phone]";
    public static final String CARD = "[card]";
    public static final String ACCOUNT = "[account]";
    public static final String SSN = "[ssn]";
    public static final String ADDRESS = "[address]";

    private static final Pattern EMAIL_PATTERN = Pattern.compile(
            "(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}\\b");
    private static final Pattern SSN_PATTERN = Pattern.compile(
            "(?<![\\d-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\d-])");
    // Cards: 4-4-4-x groups, Amex 4-6-5, or one unbroken run of 13-19 digits.
    private static final Pattern CARD_PATTERN = Pattern.compile(
            "(?<![\\d.,/-])(?:\\d{4}[ -]\\d{4}[ -]\\d{4}[ -]\\d{1,7}|\\d{4}[ -]\\d{6}[ -]\\d{4,5}|\\d{13,19})(?![\\d.,/-]?\\d)");
    // International numbers start with '+' and a country code (never 0, unlike the "+0000" of a timestamp).
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile(
            "(?<![\\w+])\\+[1-9]\\d{0,2}(?:[ .-]?\\(?\\d{1,5}\\)?){2,6}(?!\\w)");
    // A country code left in front of a number the US pattern already replaced ("+49 170 555 1234").
    private static final Pattern COUNTRY_CODE_BEFORE_PHONE = Pattern.compile("(?<![\\w+])\\+[1-9]\\d{0,2}[ .-]?\\[phone\\]");
    // North American numbers: optional +1/1, area code with or without parentheses, 3-4 digits.
    private static final Pattern US_PHONE = Pattern.compile(
            "(?<![\\w/$,+-])(?<!\\d\\.)(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[ .-]?)\\d{3}[ .-]?\\d{4}(?![\\w/-]|[.,]\\d)");
    // Digits named as an account, routing, member, loan or case number; keeps the label for readability.
    // The number is 4+ digits or groups of 3+, so "my account 30 60 90 days late" stays.
    private static final Pattern LABELLED_ACCOUNT = Pattern.compile(
            "(?i)\\b((?:account|acct|a/c|routing|member|loan|policy|customer|case|ticket|claim|reference|ref)"
                    + "(?:\\s*(?:number|num|no\\.?|#|id))?\\s*(?:is\\s*|:\\s*|#\\s*|\\.\\s*)?)"
                    + "(?:ending\\s+in\\s+)?(?:\\d{3,}(?:[ -]\\d{3,})+|\\d{4,})(?![\\d]|[.,/]\\d)");
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("(?<![\\d.,/-])\\d{8,}(?![\\d]|[.,]\\d)");
    private static final String STREET_TYPE = "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|"
            + "Court|Ct|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Way|Trail|Trl|Square|Sq)";
    // Words that cannot be part of a street name, so all-caps text ("3 AGENTS ON THE WAY") is not an address.
    private static final String NOT_FILLER = "(?!(?i:the|on|of|to|in|for|and|or|a|an|my|at|by|with|from|our|your|times?|hours?|days?|minutes?|weeks?|months?|years?)\\b)";
    // Street names must be capitalised (or ordinals like 5th) so "3 times on the way" is not an address.
    private static final Pattern STREET_ADDRESS = Pattern.compile(
            "(?<![\\w$.,/-])\\d{1,6}[A-Za-z]?\\s+(?:[NSEW]\\.?\\s+)?(?:" + NOT_FILLER + "(?:[A-Z][a-zA-Z'-]*|\\d+(?:st|nd|rd|th))\\s+){1,3}"
                    + "(?i:" + STREET_TYPE + ")\\b(?:,?\\s*(?i:apt|apartment|suite|ste|unit|#)\\.?\\s*#?\\w+)?");
    // Lower-case street names ("12008 blue ridge blvd") only after a house number of 3+ digits, and never
    // the nouns "drive", "road", "highway" ("a 240 kms drive", "a 500 mile road trip").
    private static final Pattern LOWER_CASE_STREET_ADDRESS = Pattern.compile(
            "(?<![\\w$.,/-])\\d{3,6}\\s+(?:" + NOT_FILLER + "[a-z][a-z'-]*\\s+){1,3}"
                    + "(?:street|st|avenue|ave|rd|boulevard|blvd|lane|ln|dr|pkwy|hwy)\\b");
    private static final Pattern PO_BOX = Pattern.compile("(?i)\\bP\\.?\\s?O\\.?\\s+Box\\s+\\d+");
    // An IBAN's shape in any grouping: country code, check digits, then up to 30 letters and digits, in groups of at
    // most 4 or unbroken. Only a candidate: IBANValidator decides (IBAN_CANDIDATE's groups let it try shorter ends).
    private static final Pattern IBAN_CANDIDATE = Pattern.compile(
            "(?i)(?<![\\w-])[a-z]{2}\\d{2}(?:[ -]?[a-z0-9]{1,4}){2,8}(?![\\w-])|(?<![\\w-])[a-z]{2}\\d{2}[a-z0-9]{11,30}(?![\\w-])");
    private static final Pattern IBAN_GROUP_END = Pattern.compile("(?=[ -])|$");
    // US postal codes, with D.C. and the territories: a city, its state's code and a ZIP ("Springfield, IL 62704").
    private static final String US_STATE = "(?:A[KLRZS]|C[AOT]|D[CE]|FL|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEINOPST]|N[CDEHJMVY]"
            + "|O[HKR]|P[AR]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])";
    private static final Pattern US_CITY_STATE_ZIP = Pattern.compile(
            "(?<![\\w-])(?:[A-Z][a-zA-Z.'-]*\\s+){0,2}[A-Z][a-zA-Z.'-]*,?\\s+" + US_STATE + "\\s+\\d{5}(?:-\\d{4})?(?![\\w-])");
    // UK postcodes, the Royal Mail's outward code (area, district), a space, then inward code (sector, unit):
    // "SW1A 1AA". Without the space, US aircraft tail numbers ("N366SW") and booking codes take the same shape.
    private static final Pattern UK_POSTCODE = Pattern.compile(
            "(?<![\\w-])(?:[A-Z]{1,2}\\d[A-Z\\d]?|GIR) \\d[ABD-HJLNP-UW-Z]{2}(?![\\w-])");
    // A street line and the city line after it are one address.
    private static final Pattern ADJACENT_ADDRESSES = Pattern.compile("\\[address\\](?:,?\\s*\\[address\\])+");

    private record Rule(Pattern pattern, Function<Matcher, String> replacement) {}

    // Order matters: specific shapes first, so an SSN is not read as a phone and a card not as an account.
    private static final List<Rule> RULES = List.of(
            new Rule(EMAIL_PATTERN, m -> EMAIL),
            // Before cards and digit runs, which would take the IBAN's digits and leave its country and bank code.
            new Rule(IBAN_CANDIDATE, PiiRedactor::iban),
            new Rule(SSN_PATTERN, m -> SSN),
            new Rule(CARD_PATTERN, PiiRedactor::cardOrAccount),
            new Rule(US_PHONE, m -> PHONE),
            // After US numbers, so a run of several numbers is not swallowed as one long "international" one.
            new Rule(INTERNATIONAL_PHONE, m -> digitCount(m.group()) >= 8 ? PHONE : null),
            new Rule(COUNTRY_CODE_BEFORE_PHONE, m -> PHONE),
            new Rule(LABELLED_ACCOUNT, m -> m.group(1) + ACCOUNT),
            new Rule(LONG_DIGIT_RUN, m -> ACCOUNT),
            new Rule(STREET_ADDRESS, m -> ADDRESS),
            new Rule(LOWER_CASE_STREET_ADDRESS, m -> ADDRESS),
            new Rule(PO_BOX, m -> ADDRESS),
            new Rule(US_CITY_STATE_ZIP, m -> ADDRESS),
            new Rule(UK_POSTCODE, m -> ADDRESS),
            new Rule(ADJACENT_ADDRESSES, m -> ADDRESS));

    /** Returns the text with every recognised piece of personal data replaced; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Rule rule : RULES) {
            result = apply(rule, result);
        }
        return result;
    }

    /** True if any pattern {@link #redact} would replace occurs in the text. */
    public boolean containsPii(String text) {
        if (text == null) {
            return false;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                if (rule.replacement().apply(m) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String apply(Rule rule, String text) {
        Matcher m = rule.pattern().matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String replacement = rule.replacement().apply(m);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The candidate, or its longest start that ends at a group break, when IBANValidator confirms it as an IBAN
     * (format of its country and check digits): {@code [account]} and whatever followed; null when no start is one.
     */
    private static String iban(Matcher m) {
        String candidate = m.group();
        Matcher ends = IBAN_GROUP_END.matcher(candidate);
        java.util.List<Integer> cuts = new java.util.ArrayList<>();
        while (ends.find()) {
            cuts.add(0, ends.start());
        }
        for (int cut : cuts) {
            String compact = candidate.substring(0, cut).replaceAll("[ -]", "").toUpperCase(java.util.Locale.ROOT);
            if (IBANValidator.getInstance().isValid(compact)) {
                return ACCOUNT + candidate.substring(cut);
            }
        }
        return null;
    }

    /*
     * Luhn only chooses the label: a 13-19 digit number that fails Luhn is still redacted, as an
     * account or reference number, because a typo in a card number or a bank account number is
     * just as personal. Missing one costs more than a placeholder where a harmless number was.
     */
    private static String cardOrAccount(Matcher m) {
        return passesLuhn(m.group()) ? CARD : ACCOUNT;
    }

    static boolean passesLuhn(String number) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    private static int digitCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
