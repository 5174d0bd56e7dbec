package vn.motcua.catalog.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import java.time.LocalDate;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.FeeInputs;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.platform.Channel;
import vn.motcua.catalog.Field;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.CommittedSnapshot;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;

/**
 * The catalogue: lookups, ranked search and receiving agencies. The catalogue changes rarely and is read on
 * every page, so its search index and its procedures are held in memory and rebuilt from the database every
 * minute (at once after a change on this node).
 */
@Service
class CatalogService implements Catalog {

    private static final Duration TTL = Duration.ofSeconds(60);
    private final ProcedureRepository repository;
    private final Organization organization;
    private final FormValidator forms;
    private final CommittedSnapshot<Snapshot> snapshot;
    /** The application's clock in the working calendar's zone: the date of a fee request that gives none. */
    private final java.time.Clock today;

    /** The search index and the procedures read so far, valid together until they expire. */
    private record Snapshot(SearchIndex index, Map<String, Optional<Procedure>> procedures, List<Field> fields,
                            Map<String, java.util.Set<String>> assigned) {
    }

    CatalogService(ProcedureRepository repository, Organization organization, FormValidator forms,
                   java.time.Clock clock, vn.motcua.calendar.WorkingCalendar calendar) {
        this.today = clock.withZone(calendar.zone());
        this.repository = repository;
        this.organization = organization;
        this.forms = forms;
        this.snapshot = new CommittedSnapshot<>(() -> new Snapshot(new SearchIndex(repository.searchRows()),
                new ConcurrentHashMap<>(), List.copyOf(repository.fields()), repository.assignments()), TTL, clock);
    }

    /** The catalogue changed: dropped from memory once the change commits (never inside its transaction). */
    void invalidate() {
        snapshot.invalidate();
    }

    private Snapshot snap() {
        return snapshot.get();
    }

    @Override
    public List<FieldProblem> validateForm(Procedure procedure, JsonNode form, Locale locale) {
        return forms.validate(procedure, form, locale);
    }

    @Override
    public vn.motcua.catalog.ProcedureGuide guide(String code) {
        if (code == null || code.length() > 64) {
            return vn.motcua.catalog.ProcedureGuide.EMPTY;
        }
        return repository.guide(code);
    }

    @Override
    public Optional<Procedure> procedure(String code) {
        if (code == null || code.length() > 64) {
            return Optional.empty();
        }
        Map<String, Optional<Procedure>> cache = snap().procedures;
        Optional<Procedure> p = cache.get(code);
        if (p == null) {
            p = repository.find(code);
            if (p.isPresent()) {
                cache.put(code, p); // unknown codes are not remembered: the cache stays as small as the catalogue
            }
        }
        return p;
    }

    @Override
    public Optional<Procedure> procedure(String code, int version) {
        if (code == null || code.length() > 64) {
            return Optional.empty();
        }
        Optional<Procedure> recorded = repository.findVersion(code, version);
        if (recorded.isPresent()) {
            return recorded;
        }
        // a procedure never changed since versions are recorded (the demo's): its version in force
        return repository.findAny(code).filter(p -> p.version() == version);
    }

    @Override
    public PageResult<Procedure> search(ProcedureQuery q) {
        PageResult.check(q.page(), q.size());
        Agency agency = null;
        if (q.agencyCode() != null) {
            agency = organization.agency(q.agencyCode())
                    .orElseThrow(() -> ProblemException.invalid("agency", "error.agency.notFound", q.agencyCode()));
        }
        Snapshot s = snap();
        boolean hasText = q.text() != null && !q.text().isBlank();
        List<SearchRanking.QueryWord> words = hasText ? SearchRanking.parse(q.text(), s.index.vocabulary) : List.of();
        if (hasText && words.stream().noneMatch(SearchRanking.QueryWord::known)) {
            return new PageResult<>(List.of(), 0, q.page(), q.size());
        }
        Agency a = agency;
        Predicate<ProcedureRepository.SearchRow> filter = row ->
                (q.level() == null || row.levels().contains(q.level()))
                        && (q.fieldCode() == null || q.fieldCode().equals(row.fieldCode()))
                        && (q.onlineLevel() == null || q.onlineLevel() == row.onlineLevel())
                        && (a == null || receives(row.code(), row.agencyPatterns(), row.levels(), a));
        List<SearchIndex.Hit> hits = s.index.search(words, filter);
        int from = (int) Math.min((long) q.page() * q.size(), hits.size());
        int to = Math.min(from + q.size(), hits.size());
        List<Procedure> page = hits.subList(from, to).stream()
                .map(h -> procedure(h.row().code())).flatMap(Optional::stream).toList();
        return new PageResult<>(page, hits.size(), q.page(), q.size());
    }

    @Override
    public List<Field> fields() {
        return snap().fields;
    }

    @Override
    public List<Procedure> popular(int limit) {
        return snap().index.search(List.of(), row -> true).stream().limit(limit)
                .map(h -> procedure(h.row().code())).flatMap(Optional::stream).toList();
    }

    @Override
    public List<Agency> receivingAgencies(Procedure procedure) {
        return organization.allAgencies().stream().filter(a -> canReceive(procedure, a)).toList();
    }

    @Override
    public boolean canReceive(Procedure procedure, Agency agency) {
        return receives(procedure.code(), procedure.agencyPatterns(), procedure.levels(), agency);
    }

    /**
     * The agency's own list when an administrator gave one; else the agencies assigned to the procedure when an
     * administrator assigned some; else the procedure's patterns and levels.
     */
    private boolean receives(String procedureCode, List<String> patterns, List<vn.motcua.organization.UnitLevel> levels,
                             Agency agency) {
        return organization.proceduresReceived(agency.code()).map(list -> list.contains(procedureCode))
                .orElseGet(() -> {
                    java.util.Set<String> assigned = snap().assigned.get(procedureCode);
                    // a successor receives what its predecessors received by the patterns (NQ 1662: the new
                    // commune police take over the residence procedures of the old communes' police)
                    return assigned != null ? assigned.contains(agency.code())
                            : AgencyPatterns.matches(patterns, levels, agency) || organization
                                    .agencyPredecessors(agency.code()).stream()
                                    .anyMatch(old -> AgencyPatterns.matchesCode(patterns, old));
                });
    }

    @Override
    public void countUses(String procedureCode, int uses) {
        repository.countUse(procedureCode, uses);
    }

    @Override
    public FeeQuote quote(String procedureCode, FeeInputs inputs) {
        Procedure p = known(procedureCode);
        return FeeCalculator.quote(p.fees(), p.feeOptions(), inputs, LocalDate.now(today));
    }

    @Override
    public FeeInputs feeInputs(String procedureCode, JsonNode form, Channel channel, LocalDate on) {
        return FeeCalculator.inputs(known(procedureCode).feeOptions(), form, channel, on);
    }

    private Procedure known(String code) {
        return procedure(code).orElseThrow(() -> ProblemException.notFound("error.catalog.procedure.notFound",
                code == null ? "" : code));
    }
}
