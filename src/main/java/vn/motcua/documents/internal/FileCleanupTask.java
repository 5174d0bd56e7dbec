package vn.motcua.documents.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every hour, on one node: uploads never attached to a dossier within the window are deleted. */
@Configuration(proxyBeanMethods = false)
class FileCleanupTask {

    @Bean
    RecurringTask<Void> fileCleanup(DatabaseFileStore store,
                                    @Value("${motcua.files.orphan-window:24h}") Duration window) {
        return Tasks.recurring("file-cleanup", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, ctx) -> store.cleanUp(window));
    }
}
