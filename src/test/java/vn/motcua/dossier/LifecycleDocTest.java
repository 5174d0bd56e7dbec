package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/LIFECYCLE.md names the file and line of every rule, with a piece of that line: each piece must still be on
 * its line (edit the document when the code moves), and every policy of the rule book is listed.
 */
class LifecycleDocTest {

    static final Pattern WHERE = Pattern.compile("`([\\w/.]+\\.java):(\\d+)` `([^`]+)`");

    @Test
    void everyRuleIsWhereTheDocumentSays() throws IOException {
        String doc = Files.readString(Path.of("docs/LIFECYCLE.md"));
        Matcher m = WHERE.matcher(doc);
        int checked = 0;
        while (m.find()) {
            List<String> lines = Files.readAllLines(Path.of(m.group(1)));
            int n = Integer.parseInt(m.group(2));
            assertThat(n).as(m.group()).isBetween(1, lines.size());
            assertThat(lines.get(n - 1)).as("%s line %d", m.group(1), n).contains(m.group(3));
            checked++;
        }
        assertThat(checked).as("rules located in the document").isGreaterThan(45);
        for (var p : vn.motcua.dossier.rules.Policies.allCurrentPolicies()) {
            assertThat(doc).as("the policy " + p.getClass().getSimpleName() + " is documented")
                    .contains(p.getClass().getSimpleName() + ".java:");
        }
    }
}
