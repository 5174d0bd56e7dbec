package vn.motcua.platform.db;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL {@code COPY ... FROM STDIN} of rows on the connection of the caller's transaction (Spring's), for a
 * module's bulk load into its own tables: one round trip for thousands of rows instead of a statement each. Values in
 * the text format: {@code null} is {@code \N}, a {@link Collection} an array literal of its elements' texts, anything
 * else its {@code toString()} (ISO dates and moments, numbers, booleans).
 */
public final class CopyIn {

    private CopyIn() {
    }

    /**
     * Copies the rows into {@code table (columns)}; call inside a transaction.
     *
     * @return the rows copied
     */
    public static long rows(DataSource dataSource, String table, String columns, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder text = new StringBuilder(rows.size() * 160);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                field(text, row[i]);
            }
            text.append('\n');
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(text.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("copy into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static void field(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("\\N");
            return;
        }
        if (value instanceof Collection<?> list) {
            // an array literal: {"a","b"}, each element quoted (backslash and quote escaped), then COPY-escaped
            StringBuilder array = new StringBuilder("{");
            for (Object o : list) {
                if (array.length() > 1) {
                    array.append(',');
                }
                array.append('"').append(o.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            value = array.append('}');
        }
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
    }
}
