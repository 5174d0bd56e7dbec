package vn.motcua.feedback.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overdue escalation of the 1022 rule (db-scheduler: one node at a time): a routed item the specialist has not
 * answered by its specialist-level due moment escalates to the leader level; an item not approved by its
 * leader-level due moment is overdue at the leader level. Each is recorded once, in the item's history.
 */
@Component
public class SlaWatch {

    private static final Log log = LogFactory.getLog(SlaWatch.class);
    private final FeedbackRepository repository;
    private final FeedbackService service;

    SlaWatch(FeedbackRepository repository, FeedbackService service) {
        this.repository = repository;
        this.service = service;
    }

    /** Result of one run. */
    public record Run(int escalated, int leaderOverdue) {
    }

    @Transactional
    public Run run() {
        var now = service.now();
        var escalated = repository.escalateSpecialistLevel(now);
        for (FeedbackItem i : escalated) {
            repository.event(i.id(), now, "ESCALATE", i.status(), i.status(), null, "Hệ thống",
                    "SPECIALIST→LEADER " + i.agencyCode());
        }
        var late = repository.markLeaderLevelOverdue(now);
        for (FeedbackItem i : late) {
            repository.event(i.id(), now, "LEADER_OVERDUE", i.status(), i.status(), null, "Hệ thống",
                    i.agencyCode());
        }
        if (!escalated.isEmpty() || !late.isEmpty()) {
            log.info("Feedback SLA watch: " + escalated.size() + " escalated to the leader level, " + late.size()
                    + " overdue at the leader level");
        }
        return new Run(escalated.size(), late.size());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FeedbackProperties.class)
    static class Schedule {
        @Bean
        RecurringTask<Void> feedbackSlaWatchTask(SlaWatch watch, FeedbackProperties properties) {
            return Tasks.recurring("feedback-sla-watch", FixedDelay.of(properties.watchInterval()))
                    .execute((inst, ctx) -> watch.run());
        }
    }
}
