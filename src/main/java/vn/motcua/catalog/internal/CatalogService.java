package vn.motcua.catalog.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Field;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;

/** The catalogue: lookups, ranked search and receiving agencies. */
@Service
class CatalogService implements Catalog {

    private static final Duration VOCABULARY_TTL = Duration.ofSeconds(60);
    private final ProcedureRepository repository;
    private final Organization organization;
    private final FormValidator forms;
    private volatile Vocabulary vocabulary;

    private record Vocabulary(Instant loadedAt, List<String> words) {
    }

    CatalogService(ProcedureRepository repository, Organization organization, FormValidator forms) {
        this.repository = repository;
        this.organization = organization;
        this.forms = forms;
    }

    @Override
    public List<vn.motcua.platform.FieldProblem> validateForm(Procedure procedure, tools.jackson.databind.JsonNode form,
                                                              java.util.Locale locale) {
        return forms.validate(procedure, form, locale);
    }

    void invalidate() {
        vocabulary = null;
    }

    private List<String> vocabulary() {
        Vocabulary v = vocabulary;
        if (v == null || v.loadedAt.plus(VOCABULARY_TTL).isBefore(Instant.now())) {
            v = new Vocabulary(Instant.now(), List.copyOf(repository.vocabulary()));
            vocabulary = v;
        }
        return v.words;
    }

    @Override
    public Optional<Procedure> procedure(String code) {
        if (code == null || code.length() > 64) {
            return Optional.empty();
        }
        return repository.find(code);
    }

    @Override
    public PageResult<Procedure> search(ProcedureQuery q) {
        PageResult.check(q.page(), q.size());
        Agency agency = null;
        if (q.agencyCode() != null) {
            agency = organization.agency(q.agencyCode())
                    .orElseThrow(() -> ProblemException.invalid("agency", "error.agency.notFound", q.agencyCode()));
        }
        boolean hasText = q.text() != null && !q.text().isBlank();
        List<SearchRanking.QueryWord> words = hasText ? SearchRanking.parse(q.text(), vocabulary()) : List.of();
        if (hasText && words.stream().noneMatch(SearchRanking.QueryWord::known)) {
            return new PageResult<>(List.of(), 0, q.page(), q.size());
        }
        String[] any = null;
        if (hasText) {
            Set<String> all = new LinkedHashSet<>();
            words.forEach(w -> all.addAll(w.variants()));
            any = all.toArray(String[]::new);
        }
        record Ranked(String code, double score, long popularity, boolean essential, String name) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (var row : repository.candidates(any, q.level(), q.fieldCode(), q.onlineLevel())) {
            if (agency != null && !AgencyPatterns.matches(row.agencyPatterns(), row.levels(), agency)) {
                continue;
            }
            double score = hasText ? SearchRanking.score(words, row.nameFolded(), row.nameWords(), row.allWords()) : 0;
            if (score >= 0) {
                ranked.add(new Ranked(row.code(), score, row.popularity(), row.essential(), row.name()));
            }
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed()
                .thenComparing(Comparator.comparingLong(Ranked::popularity).reversed())
                .thenComparing(Ranked::essential, Comparator.reverseOrder())
                .thenComparing(Ranked::name));
        int from = (int) Math.min((long) q.page() * q.size(), ranked.size());
        int to = Math.min(from + q.size(), ranked.size());
        List<Procedure> page = repository.findAll(ranked.subList(from, to).stream().map(Ranked::code).toList());
        return new PageResult<>(page, ranked.size(), q.page(), q.size());
    }

    @Override
    public List<Field> fields() {
        return repository.fields();
    }

    @Override
    public List<Procedure> popular(int limit) {
        return repository.findAll(repository.popularCodes(limit));
    }

    @Override
    public List<Agency> receivingAgencies(Procedure procedure) {
        return organization.allAgencies().stream()
                .filter(a -> AgencyPatterns.matches(procedure.agencyPatterns(), procedure.levels(), a)).toList();
    }

    @Override
    public boolean canReceive(Procedure procedure, Agency agency) {
        return AgencyPatterns.matches(procedure.agencyPatterns(), procedure.levels(), agency);
    }

    @Override
    public void countUse(String procedureCode) {
        repository.countUse(procedureCode);
    }
}
