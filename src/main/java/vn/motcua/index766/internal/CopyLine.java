package vn.motcua.index766.internal;

import java.time.OffsetDateTime;

/** Writes one line of PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyLine {

    private final StringBuilder out;
    private boolean first = true;

    CopyLine(StringBuilder out) {
        this.out = out;
    }

    CopyLine add(Object v) {
        if (!first) {
            out.append('\t');
        }
        first = false;
        switch (v) {
            case null -> out.append("\\N");
            case Boolean b -> out.append(b ? 't' : 'f');
            case Long n -> out.append(n.longValue());
            case Integer n -> out.append(n.intValue());
            case OffsetDateTime t -> out.append(t);
            default -> text(v.toString());
        }
        return this;
    }

    void end() {
        out.append('\n');
    }

    private void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
