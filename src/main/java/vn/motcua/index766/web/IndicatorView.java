package vn.motcua.index766.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import vn.motcua.index766.Indicators;
import vn.motcua.index766.internal.IndexService;

/**
 * A row of the indicator table as the API answers it: the row of {@link Indicators} with how it is counted in both
 * languages, read from the messages files (issue 18: the texts have one copy, the translatable one).
 */
@Schema(name = "Index766Indicator", description = "A row of the indicator table of Decision 766 (not the "
        + "feedback report's Indicator: one name, one schema in the API description)")
record IndicatorView(String id, String groupId, String nameVi, String nameEn, int max, Indicators.Key key,
                     Indicators.Source source, Indicators.Basis basis,
                     @Schema(description = "How it is counted, in Vietnamese, with the rule the province has set "
                             + "where one applies (the dashboard's \"Cách tính\")") String noteVi,
                     @Schema(description = "The same in English") String noteEn) {

    static final Locale VI = Locale.of("vi");

    static IndicatorView of(Indicators.Indicator i, IndexService index) {
        return new IndicatorView(i.id(), i.groupId(), i.nameVi(), i.nameEn(), i.max(), i.key(), i.source(), i.basis(),
                index.note(i, VI), index.note(i, Locale.ENGLISH));
    }
}
