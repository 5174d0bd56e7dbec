package vn.motcua.platform;

import java.util.List;

/** A page of a list, as every list endpoint returns it: {@code {items, total, page, size}}. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 500;

    /** Checks paging parameters; bad values are a 400 naming the parameter. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "error.param.min", 0);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "error.param.range", 1, MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            // the offset page × size must stay a number the database takes (page=2099439015 was a 500)
            throw ProblemException.invalid("page", "error.param.range", 0, Integer.MAX_VALUE / size);
        }
    }

    /** Pages a list already in memory. */
    public static <T> PageResult<T> of(List<T> all, int page, int size) {
        check(page, size);
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new PageResult<>(all.subList(from, to), all.size(), page, size);
    }
}
