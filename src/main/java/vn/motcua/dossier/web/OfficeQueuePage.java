package vn.motcua.dossier.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierQueries.View;
import vn.motcua.dossier.internal.DossierRecord;
import vn.motcua.dossier.internal.DossierViews;
import vn.motcua.platform.Actor;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.Role;

/**
 * The officers' workspace {@code /can-bo}: the queues (to do, due soon, overdue, waiting for the applicant, all)
 * with their counts, sorted by due moment, filtered by procedure, status and free text, paged. Leaders also see
 * the agency's due-soon and overdue dossiers. Works without JavaScript; htmx swaps the results in place.
 */
@Controller
class OfficeQueuePage {

    static final int PAGE_SIZE = 20;
    private static final int WATCH_SIZE = 10;

    private final DossierQueries queries;
    private final DossierViews views;
    private final Catalog catalog;

    OfficeQueuePage(DossierQueries queries, DossierViews views, Catalog catalog) {
        this.queries = queries;
        this.views = views;
        this.catalog = catalog;
    }

    /** A tab of the workspace. */
    record Tab(String view, long count, boolean current) {
    }

    @GetMapping("/can-bo")
    String queue(Actor actor, @RequestParam(required = false) String view,
                 @RequestParam(required = false) String status, @RequestParam(required = false) String procedure,
                 @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                 Model model, Locale locale) {
        View v = parse(View.class, view, View.TODO);
        DossierStatus s = parse(DossierStatus.class, status, null);
        String text = q == null || q.isBlank() ? null : q.trim().length() > 100 ? q.trim().substring(0, 100) : q.trim();
        String proc = procedure == null || procedure.isBlank() || procedure.length() > 64 ? null : procedure.trim();
        int p = Math.max(0, Math.min(page, 10_000));

        PageResult<DossierRecord> result = queries.officerQueue(actor, v, s == null ? List.of() : List.of(s), proc,
                text, p, PAGE_SIZE);
        Map<String, Long> counts = queries.counts(actor);
        List<Tab> tabs = new ArrayList<>();
        for (View each : View.values()) {
            tabs.add(new Tab(each.name(), counts.getOrDefault(each.name(), 0L), each == v));
        }
        model.addAttribute("tabs", tabs);
        model.addAttribute("view", v.name());
        model.addAttribute("status", s == null ? null : s.name());
        model.addAttribute("procedure", proc);
        model.addAttribute("q", text);
        model.addAttribute("rows", result.items().stream().map(d -> views.summary(d, locale)).toList());
        model.addAttribute("total", result.total());
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("statuses", DossierStatus.values());
        model.addAttribute("procedures", procedures(actor));
        model.addAttribute("reception", actor.has(Role.RECEPTION));
        if (actor.has(Role.LEADER)) {
            model.addAttribute("dueSoon", watch(actor, View.DUE_SOON, locale));
            model.addAttribute("overdue", watch(actor, View.OVERDUE, locale));
            model.addAttribute("dueSoonCount", counts.getOrDefault(View.DUE_SOON.name(), 0L));
            model.addAttribute("overdueCount", counts.getOrDefault(View.OVERDUE.name(), 0L));
        }
        return "office/queue";
    }

    private List<Map<String, Object>> watch(Actor actor, View view, Locale locale) {
        return queries.officerQueue(actor, view, List.of(), null, null, 0, WATCH_SIZE).items().stream()
                .map(d -> views.summary(d, locale)).toList();
    }

    /** The procedures the officer's agency receives, for the filter. */
    private List<Procedure> procedures(Actor actor) {
        if (actor.agencyCode() == null) {
            return List.of();
        }
        List<Procedure> list = new ArrayList<>(catalog.search(new ProcedureQuery(null, null, null, actor.agencyCode(),
                null, 0, PageResult.MAX_SIZE)).items());
        list.sort(java.util.Comparator.comparing(Procedure::name));
        return list;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }
}
