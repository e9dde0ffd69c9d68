package rootcause.model;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The one month format of options, folders and reports: {@code YYYY-MM}, e.g. 2025-09. */
public final class Months {
    private Months() {}

    /**
     * The month a user wrote, or an {@link IllegalArgumentException} naming the option and the expected form.
     *
     * @param option the option it came from, e.g. {@code --months}
     */
    public static YearMonth parse(String option, String month) {
        try {
            if (month != null && month.length() == 7) {
                return YearMonth.parse(month);
            }
        } catch (DateTimeParseException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(option + ": '" + month + "' is not a month; write YYYY-MM, e.g. 2019-09");
    }
}
