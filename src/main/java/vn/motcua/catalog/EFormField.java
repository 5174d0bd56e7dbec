package vn.motcua.catalog;

import java.util.List;

/**
 * One field of an eForm as a page renders it, derived from the procedure's JSON Schema.
 *
 * @param name        the request parameter name, e.g. {@code form.child.fullName} or {@code form.documents[0].name}
 * @param id          an HTML id (no dots or brackets)
 * @param widget      text, textarea, date, email, number, integer, checkbox, select, radio, group, list
 * @param conditional required only in some cases (an if/then of the schema)
 * @param children    fields of a group, or the rows of a list (each row a group)
 */
public record EFormField(String name, String id, String label, String hint, String widget, boolean required,
                         boolean conditional, List<Option> options, String value, Integer maxLength, String pattern,
                         Number minimum, Number maximum, List<EFormField> children) {

    private static final java.time.format.DateTimeFormatter DAY_MONTH_YEAR =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /**
     * The value as shown: the label of the chosen option, a date as dd/MM/yyyy (as Vietnamese documents write it),
     * else the value itself.
     */
    public String displayValue() {
        if (widget.equals("date") && value != null) {
            try {
                return java.time.LocalDate.parse(value).format(DAY_MONTH_YEAR);
            } catch (java.time.format.DateTimeParseException e) {
                return value;
            }
        }
        return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }

    /** A choice of a select or radio field. */
    public record Option(String value, String label) {
    }
}
