package vn.motcua.certification.internal;

import static vn.motcua.certification.CertificationAction.*;
import static vn.motcua.certification.CertificationStatus.*;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.certification.CertificationAction;
import vn.motcua.certification.CertificationStatus;
import vn.motcua.platform.Channel;
import vn.motcua.platform.ProblemException;

/**
 * The rule book of a certification request, in one place (pure: no database, no Spring): the transition table, who
 * may do what, and the time limit. Read by the service, the API's {@code allowedActions} and the pages.
 */
public final class CertificationRules {

    /** Who someone is for a request: its applicant, or an officer of its agency in one of these roles. */
    public enum Party { APPLICANT, CERTIFIER, LEADER, RECEPTION }

    /** One line of the table: the action, the states it starts from, the state it leads to, who may do it. */
    public record Line(CertificationAction action, Set<CertificationStatus> from, CertificationStatus to,
                       Set<Party> by) {
    }

    /**
     * The table (DOMAIN.md §4; the signer is the Chairman or Vice-chairman of the commune — Decree 23/2015 Art. 5(2)
     * — or a certifier the agency delegated: design, UNCONFIRMED).
     */
    public static final List<Line> TABLE = List.of(
            new Line(COMPARE, EnumSet.of(TIEP_NHAN), CHO_KY, EnumSet.of(Party.CERTIFIER)),
            new Line(SIGN, EnumSet.of(CHO_KY), CHO_DONG_DAU, EnumSet.of(Party.LEADER, Party.CERTIFIER)),
            new Line(SEAL, EnumSet.of(CHO_DONG_DAU), HOAN_THANH, EnumSet.of(Party.CERTIFIER, Party.RECEPTION)),
            new Line(CANCEL, EnumSet.of(TIEP_NHAN, CHO_KY), HUY,
                    EnumSet.of(Party.APPLICANT, Party.CERTIFIER, Party.RECEPTION)),
            new Line(REFUSE, EnumSet.of(TIEP_NHAN, CHO_KY), TU_CHOI, EnumSet.of(Party.CERTIFIER, Party.LEADER)));

    private CertificationRules() {
    }

    /** The line that allows the action, or 409 with the reason (not in this state; not yours to do). */
    public static Line decide(CertificationAction action, CertificationStatus status, Set<Party> parties) {
        Line line = TABLE.stream().filter(l -> l.action() == action).findFirst().orElseThrow();
        if (!line.from().contains(status)) {
            throw ProblemException.conflict("certification.rule.notInStatus", status.name());
        }
        if (line.by().stream().noneMatch(parties::contains)) {
            throw ProblemException.conflict("certification.rule.notYourRole");
        }
        return line;
    }

    /** What the parties may do now. */
    public static List<CertificationAction> allowed(CertificationStatus status, Set<Party> parties) {
        List<CertificationAction> out = new ArrayList<>();
        for (Line l : TABLE) {
            if (l.from().contains(status) && l.by().stream().anyMatch(parties::contains)) {
                out.add(l.action());
            }
        }
        return out;
    }

    /**
     * The time limit (Decree 23/2015 Art. 7, 21): the same working day, or the next one when received after the
     * cut-off (15:00, the calendar's rule); extended by 2 working days for many pages, copies or originals.
     */
    public static OffsetDateTime dueAt(WorkingCalendar calendar, OffsetDateTime receivedAt, Channel channel,
                                       boolean extended) {
        OffsetDateTime sameDay = calendar.deadline(receivedAt, new ProcessingTime(BigDecimal.ZERO, TimeUnit.SAME_DAY),
                channel).dueAt();
        return extended ? calendar.addWorkingMinutes(sameDay, 2 * calendar.workingMinutesPerDay()) : sameDay;
    }

    /**
     * Whether a request is "many" (Art. 21: many pages, many copies): pages × copies at least the threshold
     * ({@code motcua.certification.extension-threshold}, 50 by default; the number is UNCONFIRMED), or the certifier
     * says so.
     */
    public static boolean extended(int pages, int copies, int threshold, boolean askedByCertifier) {
        return askedByCertifier || (long) pages * copies >= threshold;
    }
}
