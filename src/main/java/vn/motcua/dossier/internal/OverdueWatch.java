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
import vn.motcua.dossier.DeadlineAlerts;
import vn.motcua.platform.Channel;

/**
 * The overdue watch (cluster-safe: db-scheduler runs it on one node at a time): flags open dossiers due within
 * one working day ("sắp đến hạn"), and hands the newly overdue ones and the late consultations to the
 * {@link DeadlineAlerts} (the notification module) so that assignees and their leaders are told once.
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

    @Transactional
    public int run() {
        dossiers.lockWatch();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime soon = calendar.addWorkingMinutes(calendar.clockStart(now, Channel.COUNTER),
                calendar.workingMinutesPerDay());
        List<DeadlineAlerts.Deadline> dueSoon = dossiers.flagDueSoon(now, soon).stream().map(OverdueWatch::overdue).toList();
        List<DeadlineAlerts.Deadline> overdue = dossiers.markOverdue(now).stream().map(OverdueWatch::overdue).toList();
        var lateConsultations = workflow.remindLateConsultations(now);
        for (DeadlineAlerts a : alerts) {
            a.dueSoon(dueSoon);
            a.overdue(overdue);
            a.lateConsultations(lateConsultations);
        }
        if (!dueSoon.isEmpty() || !overdue.isEmpty()) {
            log.info("Overdue watch: " + dueSoon.size() + " newly due soon, " + overdue.size() + " newly overdue");
        }
        return overdue.size();
    }

    private static DeadlineAlerts.Deadline overdue(DossierRepository.Deadline d) {
        return new DeadlineAlerts.Deadline(d.id(), d.code(), d.procedureName(), d.agencyCode(), d.stepAgency(), d.stepRole(),
                d.assigneeId(), d.dueAt());
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
