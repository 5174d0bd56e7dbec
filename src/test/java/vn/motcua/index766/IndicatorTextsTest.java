package vn.motcua.index766;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every indicator of Decision 766 has its plain explanation (what it measures) and its "Cách tính" (how it is
 * counted) in Vietnamese and in English, in the messages files and nowhere else (issue 18): a leader reading the
 * dashboard in either language never sees a key, a blank or the other language's words.
 */
class IndicatorTextsTest {

    /** Letters of Vietnamese that English never writes. */
    private static final String VIETNAMESE = "[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]";

    final Properties vi = load("messages/index766.properties");
    final Properties en = load("messages/index766_en.properties");

    @Test
    void everyIndicatorIsExplainedInVietnameseAndInEnglish() {
        for (Indicators.Indicator i : Indicators.ALL) {
            for (String key : new String[] {"index766.explain." + i.id(), "index766.method." + i.id()}) {
                String v = vi.getProperty(key);
                String e = en.getProperty(key);
                assertThat(v).as("%s in Vietnamese", key).isNotBlank();
                assertThat(e).as("%s in English (its own file: no fallback to Vietnamese)", key).isNotBlank();
                assertThat(v.toLowerCase(Locale.ROOT)).as("%s is written in Vietnamese", key).containsPattern(VIETNAMESE);
                assertThat(e.toLowerCase(Locale.ROOT)).as("%s is written in English", key)
                        .doesNotContainPattern(VIETNAMESE).isNotEqualTo(v);
                // shown without arguments, so not through MessageFormat: a doubled quote would show as two
                assertThat(v + e).as(key).doesNotContain("''").doesNotContain("{0}");
            }
        }
    }

    @Test
    void theApplicationsMessagesGiveEachReaderTheirLanguage() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/index766");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Indicators.Indicator i21 = Indicators.byId("2.1").orElseThrow();
        assertThat(messages.getMessage("index766.method." + i21.id(), null, Locale.ENGLISH))
                .isEqualTo(en.getProperty("index766.method.2.1")).startsWith("Dossiers finished");
        assertThat(messages.getMessage("index766.method." + i21.id(), null, Locale.of("vi")))
                .isEqualTo(vi.getProperty("index766.method.2.1")).startsWith("Xét các hồ sơ");
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = IndicatorTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }
}
