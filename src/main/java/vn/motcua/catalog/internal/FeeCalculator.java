package vn.motcua.catalog.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeBasis;
import vn.motcua.catalog.FeeInputs;
import vn.motcua.catalog.FeeOptions;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.catalog.FeeTier;
import vn.motcua.catalog.FeeWhen;
import vn.motcua.platform.Channel;
import vn.motcua.platform.ProblemException;

/**
 * A dossier's fee from the rows of its procedure's schedule that apply (never the sum of every row): each row's
 * structured condition is checked against the inputs, then counted by its basis (flat, per copy, per person, per
 * page with tiers and a cap per copy). Pure.
 */
final class FeeCalculator {

    private FeeCalculator() {
    }

    /** @param today the date of a request that does not say its own (the application's clock, calendar zone) */
    static FeeQuote quote(List<Fee> rows, FeeOptions options, FeeInputs in, LocalDate today) {
        String variant = variant(options, in.variant());
        Boolean onTime = onTime(options, in, today);
        List<FeeQuote.Item> items = new ArrayList<>();
        long total = 0;
        boolean complete = true;
        for (Fee row : rows) {
            if (!applies(row.when(), in, onTime, variant)) {
                continue;
            }
            List<FeeQuote.Item> lines = lines(row, options, in).stream().map(i -> i.withKind(row.kind())).toList();
            for (FeeQuote.Item line : lines) {
                if (line.amount() == null) {
                    complete = false;
                } else {
                    total += line.amount();
                }
                items.add(line);
            }
        }
        return new FeeQuote(total, items, complete);
    }

    /** The variant asked for, checked, or the schedule's first one. */
    static String variant(FeeOptions options, String asked) {
        if (options.variants().isEmpty()) {
            return null;
        }
        if (asked == null || asked.isBlank()) {
            return options.variants().getFirst().id();
        }
        return options.variants().stream().map(FeeOptions.Variant::id).filter(asked.trim()::equals).findFirst()
                .orElseThrow(() -> ProblemException.invalid("variant", "error.param.oneOf",
                        String.join(", ", options.variants().stream().map(FeeOptions.Variant::id).toList())));
    }

    /** Registered within the procedure's registration days; unknown event date: on time; no such rule: null. */
    static Boolean onTime(FeeOptions options, FeeInputs in, LocalDate today) {
        if (options.registrationDays() == null) {
            return null;
        }
        if (in.eventDate() == null) {
            return true;
        }
        LocalDate asked = in.requestDate() == null ? today : in.requestDate();
        return !asked.isAfter(in.eventDate().plusDays(options.registrationDays()));
    }

    static boolean applies(FeeWhen w, FeeInputs in, Boolean onTime, String variant) {
        if (!w.channels().isEmpty() && (in.channel() == null || !w.channels().contains(in.channel()))) {
            return false;
        }
        if (w.exempt() != null && w.exempt() != in.exempt()) {
            return false;
        }
        if (w.onTime() != null && onTime != null && !w.onTime().equals(onTime)) {
            return false;
        }
        return w.variants().isEmpty() || (variant != null && w.variants().contains(variant));
    }

    private static List<FeeQuote.Item> lines(Fee row, FeeOptions options, FeeInputs in) {
        return switch (row.basis()) {
            case PER_DOSSIER -> List.of(line(row.name(), row.condition(), 1, row.amount()));
            case PER_PERSON -> List.of(line(row.name(), row.condition(), in.persons() == null ? 1 : in.persons(),
                    row.amount()));
            case PER_COPY -> perCopy(row, in.copies() == null ? options.copiesDefault() : in.copies());
            case PER_PAGE -> perPage(row, in.documents());
        };
    }

    private static List<FeeQuote.Item> perCopy(Fee row, int copies) {
        if (copies <= 0) {
            return List.of();
        }
        if (row.tiers().isEmpty()) {
            return List.of(line(row.name(), row.condition(), copies, row.amount()));
        }
        List<FeeQuote.Item> out = new ArrayList<>();
        for (FeeTier t : row.tiers()) {
            int n = t.within(copies);
            if (n > 0) {
                out.add(line(row.name(), t.label(), n, t.amount()));
            }
        }
        return out;
    }

    /** Per page of each copy, by tiers of page numbers, at most {@code capPerCopy} a copy. */
    private static List<FeeQuote.Item> perPage(Fee row, List<FeeInputs.Document> documents) {
        List<FeeTier> tiers = row.tiers().isEmpty() && row.amount() != null
                ? List.of(new FeeTier(1, null, row.amount(), row.condition())) : row.tiers();
        if (tiers.isEmpty()) {
            return documents.isEmpty() ? List.of() : List.of(line(row.name(), row.condition(), 1, null));
        }
        int[] pages = new int[tiers.size()];
        long[] amounts = new long[tiers.size()];
        long capped = 0;
        for (FeeInputs.Document d : documents) {
            if (d.pages() <= 0 || d.copies() <= 0) {
                continue;
            }
            long perCopy = 0;
            for (int i = 0; i < tiers.size(); i++) {
                int n = tiers.get(i).within(d.pages());
                pages[i] += n * d.copies();
                amounts[i] += (long) n * tiers.get(i).amount() * d.copies();
                perCopy += (long) n * tiers.get(i).amount();
            }
            if (row.capPerCopy() != null && perCopy > row.capPerCopy()) {
                capped += (perCopy - row.capPerCopy()) * d.copies();
            }
        }
        List<FeeQuote.Item> out = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            if (pages[i] > 0) {
                out.add(new FeeQuote.Item(row.name(), amounts[i], tiers.get(i).label(), pages[i],
                        tiers.get(i).amount()));
            }
        }
        if (capped > 0) {
            out.add(new FeeQuote.Item(row.name(), -capped, "Mức thu tối đa "
                    + String.format(java.util.Locale.ROOT, "%,d", row.capPerCopy()).replace(',', '.') + " đồng/bản", 1,
                    -capped));
        }
        return out;
    }

    private static FeeQuote.Item line(String name, String condition, int quantity, Long unit) {
        return new FeeQuote.Item(name, unit == null ? null : unit * quantity, condition, quantity, unit);
    }

    /** The quantities a fee needs, read from an eForm where the schedule says they are. */
    static FeeInputs inputs(FeeOptions options, JsonNode form, Channel channel, LocalDate on) {
        FeeInputs in = FeeInputs.of(channel).withEvent(null, on);
        FeeOptions.FormInputs f = options.form();
        if (f == null || form == null) {
            return in;
        }
        if (f.documents() != null) {
            List<FeeInputs.Document> docs = new ArrayList<>();
            JsonNode list = at(form, f.documents());
            if (list != null && list.isArray()) {
                for (JsonNode d : list) {
                    int pages = f.pages() == null ? 1 : intAt(d, f.pages(), 0);
                    int copies = f.copiesPerDocument() == null ? 1 : intAt(d, f.copiesPerDocument(), 1);
                    docs.add(new FeeInputs.Document(pages, copies));
                }
            }
            in = in.withDocuments(docs);
        }
        if (f.copies() != null) {
            JsonNode c = at(form, f.copies());
            if (c != null && c.isNumber()) {
                in = in.withCopies(count(c));
            }
        }
        if (f.persons() != null) {
            JsonNode p = at(form, f.persons());
            in = in.withPersons(1 + (p != null && p.isArray() ? p.size() : 0));
        }
        if (f.eventDate() != null) {
            JsonNode e = at(form, f.eventDate());
            if (e != null && e.isString()) {
                try {
                    in = in.withEvent(LocalDate.parse(e.asString()), on);
                } catch (java.time.format.DateTimeParseException ignored) {
                    // the eForm's own validation reports a bad date
                }
            }
        }
        return in;
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode cur = node;
        for (String part : path.split("\\.")) {
            if (cur == null || !cur.isObject()) {
                return null;
            }
            cur = cur.get(part);
        }
        return cur;
    }

    private static int intAt(JsonNode node, String path, int otherwise) {
        JsonNode v = at(node, path);
        return v != null && v.isNumber() ? count(v) : otherwise;
    }

    /** Most pages or copies a quote counts: a form number beyond it (1e308, say) is the eForm's to refuse. */
    static final int MAX_COUNT = 100_000;

    /** A count from a form number, whatever its size or fraction: 0 to {@link #MAX_COUNT}. */
    static int count(JsonNode v) {
        double d = v.asDouble();
        if (Double.isNaN(d) || d <= 0) {
            return 0;
        }
        return d >= MAX_COUNT ? MAX_COUNT : (int) d;
    }
}
