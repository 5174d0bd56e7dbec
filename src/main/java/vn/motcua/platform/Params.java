package vn.motcua.platform;

import java.util.Locale;

/** Request parameters that must be one of a set of names: a bad value is a 400 naming the parameter. */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String param) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(c.name());
            }
            throw ProblemException.invalid(param, "error.param.oneOf", allowed.toString());
        }
    }
}
