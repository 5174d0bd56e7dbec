package vn.motcua.index766.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The 766 dashboard's charts as inline SVG written on the server (issue 18): they need no script and weigh a few
 * kilobytes (the ECharts library they replace was 1 MB). Each chart is drawn in a 360-unit-wide view box that
 * scales with its container, so it is readable on a 360 px phone; labels sit above the bars, never beside them.
 * The numbers are also in the tables next to the charts; every chart carries a title for screen readers.
 * Text is escaped here ({@link #esc}); the templates insert the result unescaped.
 */
final class SvgCharts {

    /** One bar of a bar chart: label, value, the value's text, and whether it is the unit being looked at. */
    record Bar(String label, double value, String valueText, boolean current) {
    }

    /** One group of the index: earned, computable and maximum points. */
    record GroupBar(String label, double score, double computable, double max, String text) {
    }

    /** One point of a line: axis label and value (null when there is none). */
    record Point(String label, @Nullable Double value, String valueText) {
    }

    static final int WIDTH = 360;
    private static final String INK = "#1b1b1b";
    private static final String MUTED = "#4a4a4a";
    private static final String TRACK = "#e6e1d8";
    private static final String COMPUTABLE = "#b9cfe3";
    private static final String SCORE = "#0b4f8a";
    private static final String CURRENT = "#a3171b";

    private SvgCharts() {
    }

    /**
     * The five groups: a track for the group's maximum, the part computable here, and the points earned.
     *
     * @param legend the three names: earned, computable, maximum
     */
    static String groups(String id, String title, List<GroupBar> groups, List<String> legend) {
        int row = 46;
        int top = 30;
        int height = top + groups.size() * row;
        double scale = groups.stream().mapToDouble(GroupBar::max).max().orElse(1);
        StringBuilder s = open(id, title, height);
        legend(s, legend, List.of(SCORE, COMPUTABLE, TRACK));
        int y = top;
        for (GroupBar g : groups) {
            s.append(text(0, y + 13, g.label() + " — " + g.text(), INK, "start"));
            double w = WIDTH * g.max() / scale;
            s.append(rect(0, y + 19, w, 16, TRACK));
            s.append(rect(0, y + 19, WIDTH * g.computable() / scale, 16, COMPUTABLE));
            s.append(rect(0, y + 19, WIDTH * Math.max(0, g.score()) / scale, 16, SCORE));
            y += row;
        }
        return s.append("</svg>").toString();
    }

    /** A ranking: one bar per unit on a 0–100 scale, the unit looked at in red. */
    static String bars(String id, String title, List<Bar> bars, double max) {
        int row = 38;
        int height = Math.max(row, bars.size() * row);
        StringBuilder s = open(id, title, height);
        int y = 0;
        for (Bar b : bars) {
            s.append(text(0, y + 13, b.label(), INK, "start"));
            s.append(text(WIDTH, y + 13, b.valueText(), INK, "end"));
            s.append(rect(0, y + 19, WIDTH, 12, TRACK));
            s.append(rect(0, y + 19, WIDTH * Math.max(0, Math.min(max, b.value())) / max, 12,
                    b.current() ? CURRENT : SCORE));
            y += row;
        }
        return s.append("</svg>").toString();
    }

    /** A line over months on a 0–{@code max} scale, with gridlines at quarters of the scale. */
    static String line(String id, String title, List<Point> points, double max) {
        int left = 28;
        int top = 10;
        int plot = 150;
        int height = top + plot + 24;
        StringBuilder s = open(id, title, height);
        for (int i = 0; i <= 4; i++) {
            double y = top + plot - plot * i / 4.0;
            s.append("<line x1=\"").append(left).append("\" x2=\"").append(WIDTH).append("\" y1=\"").append(n(y))
                    .append("\" y2=\"").append(n(y)).append("\" stroke=\"").append(TRACK).append("\"/>");
            s.append(text(left - 4, y + 4, n(max * i / 4), MUTED, "end"));
        }
        int count = points.size();
        double step = count > 1 ? (WIDTH - left - 30) / (double) (count - 1) : 0; // room for the last label
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Point p = points.get(i);
            double x = left + 6 + i * step;
            if (count <= 6 || i % 2 == (count - 1) % 2) { // every other label when there are many, always the last
                s.append(text(x, top + plot + 18, p.label(), MUTED, "middle"));
            }
            if (p.value() == null) {
                continue;
            }
            double y = top + plot - plot * Math.max(0, Math.min(max, p.value())) / max;
            path.append(path.isEmpty() ? "M" : " L").append(n(x)).append(' ').append(n(y));
            dots.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"3\" fill=\"")
                    .append(SCORE).append("\"><title>").append(esc(p.label() + ": " + p.valueText()))
                    .append("</title></circle>");
        }
        if (!path.isEmpty()) {
            s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(SCORE)
                    .append("\" stroke-width=\"2\"/>");
        }
        s.append(dots);
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int height) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg class=\"chart-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-2 0 ").append(WIDTH + 4)
                .append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"").append(id)
                .append("\" font-family=\"system-ui, sans-serif\" font-size=\"12\"><title id=\"").append(id)
                .append("\">").append(esc(title)).append("</title>");
        return s;
    }

    private static void legend(StringBuilder s, List<String> names, List<String> colours) {
        double x = 0;
        for (int i = 0; i < names.size(); i++) {
            s.append(rect(x, 4, 12, 12, colours.get(i)));
            s.append(text(x + 16, 14, names.get(i), INK, "start"));
            x += 24 + names.get(i).length() * 6.5;
        }
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return "<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(Math.max(0, w)) + "\" height=\"" + n(h)
                + "\" fill=\"" + fill + "\"/>";
    }

    private static String text(double x, double y, String text, String fill, String anchor) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" fill=\"" + fill + "\" text-anchor=\"" + anchor + "\">"
                + esc(text) + "</text>";
    }

    /** A coordinate with at most one decimal, always with a dot (SVG syntax, not the reader's locale). */
    static String n(double v) {
        String t = String.format(java.util.Locale.ROOT, "%.1f", v);
        return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
    }

    /** Escapes text for SVG/XML content and attributes. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
