package vn.motcua.organization;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Archive custody after a reorganisation (issue 11), the one rule by which the dossier, payment and certification
 * modules widen an officer's read scope: an officer of agency S may read the records — dossiers with their history,
 * documents and results, payments and refunds, certified copies — of agency P when S is P's successor, directly or
 * through several reorganisations (P → Q → S), from the day each succession takes effect (the day after P's last day
 * in force). Before that day P's records are P's alone; an agency that succeeded nothing reads only its own; the
 * predecessor's unit's other agencies still in force are untouched (only an agency closed with a successor is
 * succeeded). Writes are not widened by this rule: the rule books decide them as for any dossier the officer sees.
 * <p>
 * Legal basis: the successor unit inherits the tasks and the records of the units it was formed from — Luật Tổ chức
 * chính quyền địa phương 2025 (Law 72/2025/QH15) on the arrangement of administrative units and, for the demo data,
 * NQ 1662/NQ-UBTVQH15 of 16 June 2025 (Bình Phước's communes merged into those of Đồng Nai from 1 July 2025). That the
 * inheritance gives the successor's officers read access to the predecessors' closed files in this system is a
 * design decision, UNCONFIRMED with the province: {@code motcua.reorganisation.successor-custody} (default true)
 * switches it off, each agency then reading its own records only (docs/REORGANISATION.md).
 */
public final class SuccessorCustody {

    /**
     * An agency closed with its successor.
     *
     * @param effective the first day the successor holds the predecessor's records (the day after the predecessor's
     *                  last day in force); null when the closed agency has no recorded last day: in effect already
     */
    public record Succession(String predecessor, String successor, LocalDate effective) {
    }

    /** Custody switched off: every agency reads its own records only. */
    public static final SuccessorCustody OFF = new SuccessorCustody(false, List.of());

    private final boolean enabled;
    private final Map<String, List<Succession>> bySuccessor = new HashMap<>();

    public SuccessorCustody(boolean enabled, Collection<Succession> successions) {
        this.enabled = enabled;
        for (Succession s : successions) {
            bySuccessor.computeIfAbsent(s.successor(), k -> new ArrayList<>()).add(s);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The agencies whose records an officer of {@code agency} reads on {@code day}: the agency itself, then (custody
     * on) every agency it succeeded by a succession in effect that day, followed back through chained ones. Empty for
     * no agency.
     */
    public Set<String> readableBy(String agency, LocalDate day) {
        if (agency == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        out.add(agency);
        if (!enabled) {
            return Set.copyOf(out);
        }
        Deque<String> todo = new ArrayDeque<>(List.of(agency));
        while (!todo.isEmpty()) {
            for (Succession s : bySuccessor.getOrDefault(todo.pop(), List.of())) {
                boolean inEffect = s.effective() == null || !s.effective().isAfter(day);
                if (inEffect && out.add(s.predecessor())) {
                    todo.push(s.predecessor());
                }
            }
        }
        return Set.copyOf(out);
    }

    /** Whether an officer of {@code officerAgency} reads a record of {@code recordAgency} on {@code day}. */
    public boolean mayRead(String officerAgency, String recordAgency, LocalDate day) {
        return recordAgency != null && readableBy(officerAgency, day).contains(recordAgency);
    }
}
