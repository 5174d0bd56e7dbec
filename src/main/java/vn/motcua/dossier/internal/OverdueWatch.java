package vn.motcua.dossier.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.Channel;

/**
 * The overdue watch (cluster-safe: db-scheduler runs it on one node at a time): flags open dossiers due within
 * one working day ("sắp đến hạn"), and hands the newly overdue ones and the late consultations to the
 * {@link DeadlineAlerts} so that assignees and their leaders are told once.
 */
@Component
public class OverdueWatch {

    private static final Log log = LogFactory.getLog(OverdueWatch.class);
    private final DossierRepository dossiers;
    private final WorkingCalendar calendar;
    private final List<DeadlineAlerts> alerts;

    private final Clock clock;
    private final vn.motcua.workflow.Workflow workflow;

    OverdueWatch(DossierRepository dossiers, WorkingCalendar calendar, List<DeadlineAlerts> alerts, Clock clock,
                 vn.motcua.workflow.Workflow workflow) {
        this.workflow = workflow;
        this.dossiers = dossiers;
        this.calendar = calendar;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Dossiers that became overdue, for the alerts. */
    public record Overdue(long id, String code, String procedureName, String agencyCode, String stepAgency,
                          String stepRole, Long assigneeId, OffsetDateTime dueAt) {
    }

    @Transactional
    public int run() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime soon = calendar.addWorkingMinutes(calendar.clockStart(now, Channel.COUNTER),
                calendar.workingMinutesPerDay());
        List<Overdue> dueSoon = dossiers.jdbc().sql("""
                update dossier set due_soon = (due_at > :now and due_at <= :soon)
                where status in ('RECEIVED', 'PROCESSING') and due_soon <> (due_at > :now and due_at <= :soon)
                returning id, code, procedure_name, agency_code, current_step_agency, current_step_role, assignee_id,
                          due_at, due_soon""")
                .param("now", now).param("soon", soon)
                .query((rs, i) -> rs.getBoolean("due_soon") ? new Overdue(rs.getLong("id"), rs.getString("code"),
                        rs.getString("procedure_name"), rs.getString("agency_code"), rs.getString("current_step_agency"),
                        rs.getString("current_step_role"), (Long) rs.getObject("assignee_id"),
                        rs.getObject("due_at", OffsetDateTime.class)) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
        int flagged = dueSoon.size();
        dossiers.jdbc().sql("update dossier set due_soon = false where due_soon and status not in ('RECEIVED', 'PROCESSING')")
                .update();
        List<Overdue> overdue = dossiers.jdbc().sql("""
                update dossier set overdue_notified_at = :now
                where status in ('RECEIVED', 'PROCESSING') and due_at < :now and overdue_notified_at is null
                returning id, code, procedure_name, agency_code, current_step_agency, current_step_role, assignee_id,
                          due_at""")
                .param("now", now)
                .query((rs, i) -> new Overdue(rs.getLong("id"), rs.getString("code"), rs.getString("procedure_name"),
                        rs.getString("agency_code"), rs.getString("current_step_agency"),
                        rs.getString("current_step_role"), (Long) rs.getObject("assignee_id"),
                        rs.getObject("due_at", OffsetDateTime.class)))
                .list();
        var lateConsultations = workflow.remindLateConsultations(now);
        for (DeadlineAlerts a : alerts) {
            a.dueSoon(dueSoon);
            a.overdue(overdue);
            a.lateConsultations(lateConsultations);
        }
        if (flagged > 0 || !overdue.isEmpty()) {
            log.info("Overdue watch: " + flagged + " due-soon flags changed, " + overdue.size() + " newly overdue");
        }
        return overdue.size();
    }

    /** Who is told about deadlines (the notification module, when present). */
    public interface DeadlineAlerts {
        void dueSoon(List<Overdue> dossiers);

        void overdue(List<Overdue> dossiers);

        /** Opinions asked of other agencies and not given in time (reminded once). */
        void lateConsultations(List<vn.motcua.workflow.Consultation> consultations);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> overdueWatchTask(OverdueWatch watch,
                                             @Value("${motcua.dossier.overdue-watch-interval:5m}") Duration interval) {
            return Tasks.recurring("overdue-watch", FixedDelay.of(interval)).execute((inst, ctx) -> watch.run());
        }
    }
}
