package vn.motcua.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.NotificationTestEvents;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.platform.outbox.OutboxEvent;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestMail;

/**
 * Delivery when things go wrong: an SMTP server that is down, no mail server at all, the same event twice;
 * and the default SMS gateway receiving the text.
 */
@IntegrationTest
class NotificationDeliveryTest {

    @Autowired
    NotificationRepository repository;
    @Autowired
    DossierNotifications consumer;
    @Autowired
    LoggingSmsGateway sms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Outbox outbox;
    @Autowired
    JsonMapper json;

    @Test
    void anSmtpFailureLeavesTheMessagePendingWithTheAttemptCountedThenFailedAfterTheLastAttempt() {
        String email = "an+" + UUID.randomUUID() + "@example.vn";
        long id = storeEmail(email);
        var props = NotificationProperties.defaults();
        var broken = new NotificationDelivery(repository, closedPortSender(),
                sms, new NotificationProperties(null, null, null, props.delivery().withMaxAttempts(2)));

        assertThatCode(() -> broken.deliver(id)).doesNotThrowAnyException();
        var row = row(id);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).containsIgnoringCase("connect");
        // retried after the backoff (1 minute after the first failure), not at once
        assertThat(row.get("retry_later")).isEqualTo(true);

        broken.deliver(id);
        row = row(id);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat(row.get("sent_at")).isNull();
        assertThat(TestMail.to(email)).isEmpty();
    }

    @Test
    void withoutAMailServerEmailsAreSkippedAndTheInAppCopyRemains() {
        long id = storeEmail("an+" + UUID.randomUUID() + "@example.vn");
        var noMail = new NotificationDelivery(repository, null, sms, NotificationProperties.defaults());
        noMail.deliver(id);
        var row = row(id);
        assertThat(row.get("status")).isEqualTo("SKIPPED");
        assertThat(row.get("attempts")).isEqualTo(0);
    }

    @Test
    void theConsumerOnlyStoresSoAnSmtpOutageCannotHoldTheOutboxBackAndTheSameEventGivesNothingTwice() {
        String code = NotificationTestEvents.newCode();
        String email = "an+" + UUID.randomUUID() + "@example.vn";
        var payload = NotificationTestEvents.payload(code, "REFUSE", email, "0912345678",
                "Sai mẫu tờ khai.");
        var event = new OutboxEvent(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), "dossier", code,
                "dossier.changed", json.valueToTree(payload), OffsetDateTime.now());

        // as the dispatcher does: in a transaction; the real delivery task is kept away from these rows
        tx.executeWithoutResult(s -> {
            consumer.handle(List.of(event));
            postpone(code);
        });
        List<Long> ids = jdbc.sql("select id from notification where dossier_code = :c order by id")
                .param("c", code).query(Long.class).list();
        assertThat(ids).hasSize(2);

        var broken = new NotificationDelivery(repository, closedPortSender(), sms, NotificationProperties.defaults());
        ids.forEach(broken::deliver);
        assertThat(jdbc.sql("select channel || ' ' || status || ' ' || attempts from notification "
                + "where dossier_code = :c order by channel").param("c", code).query(String.class).list())
                .containsExactly("EMAIL PENDING 1", "SMS SENT 1");

        // the same event again (a retried batch) stores nothing more
        tx.executeWithoutResult(s -> consumer.handle(List.of(event)));
        assertThat(jdbc.sql("select count(*) from notification where dossier_code = :c").param("c", code)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void otherEventTypesAndEventsWithoutCodeOrActionAreIgnoredAndOddValuesTolerated() {
        String good = NotificationTestEvents.newCode();
        String email = "an+" + UUID.randomUUID() + "@example.vn";
        var noAction = new OutboxEvent(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), "dossier", "X",
                "dossier.changed", json.valueToTree(Map.of("code", "X", "applicantEmail", "x@example.vn")),
                OffsetDateTime.now());
        var payload = NotificationTestEvents.payload(good, "WITHDRAW", email, null, null);
        payload.put("dueAt", "not a date");
        payload.put("applicantAccountId", "not a number");
        payload.put("applicantName", Map.of("unexpected", "object"));
        var fine = new OutboxEvent(noAction.id() + 1, "dossier", good, "dossier.changed", json.valueToTree(payload),
                OffsetDateTime.now());
        var other = new OutboxEvent(noAction.id() + 2, "payment", good, "payment.received",
                json.valueToTree(Map.of("code", good, "action", "ACCEPT", "applicantEmail", email)), OffsetDateTime.now());

        tx.executeWithoutResult(s -> {
            consumer.handle(List.of(noAction, fine, other));
            postpone(good);
        });
        assertThat(jdbc.sql("select count(*) from notification where dossier_code = 'X'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select event || ' ' || channel || ' ' || recipient from notification where dossier_code = :c")
                .param("c", good).query(String.class).list()).containsExactly("WITHDRAW EMAIL " + email);
        assertThat(jdbc.sql("select body from notification where dossier_code = :c").param("c", good)
                .query(String.class).single()).startsWith("Kính gửi ông/bà,");
    }

    @Test
    void theDefaultSmsGatewayReceivesTheText() {
        String code = NotificationTestEvents.newCode();
        var payload = NotificationTestEvents.payload(code, "COMPLETE", null, "0911222333", null);
        tx.executeWithoutResult(s -> outbox.append("dossier", code, "dossier.changed", payload));

        var received = NotificationTestEvents.await("an SMS about " + code, () -> sms.recent().stream()
                .filter(m -> m.text().contains(code)).findFirst().orElse(null), m -> m != null);
        assertThat(received.phone()).isEqualTo("0911222333");
        assertThat(received.text()).startsWith("Hồ sơ " + code + " đã có kết quả. Mời ông/bà nhận kết quả tại ")
                .contains("Tra cứu: http://localhost:8080/tra-cuu?ma=" + code).hasSizeLessThanOrEqualTo(320);
    }

    private long storeEmail(String email) {
        String code = NotificationTestEvents.newCode();
        return tx.execute(s -> {
            repository.insert(new NotificationRepository.NewNotification(null, NotificationChannel.EMAIL, email,
                    "Hồ sơ " + code + " đã được tiếp nhận", "Kính gửi ông/bà,\n\nHồ sơ đã được tiếp nhận.", code,
                    "ACCEPT", null));
            postpone(code);
            return jdbc.sql("select id from notification where dossier_code = :c").param("c", code)
                    .query(Long.class).single();
        });
    }

    /** Keeps the application's own delivery task away from a test's rows. */
    private void postpone(String code) {
        jdbc.sql("update notification set next_attempt_at = now() + interval '1 hour' where dossier_code = :c")
                .param("c", code).update();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("""
                select status, attempts, last_error, next_attempt_at > now() + interval '50 seconds' as retry_later,
                       sent_at
                from notification where id = :id""")
                .param("id", id).query().singleRow();
    }

    /** A mail sender pointed at a port nobody listens on. */
    private static JavaMailSenderImpl closedPortSender() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return sender;
    }
}
