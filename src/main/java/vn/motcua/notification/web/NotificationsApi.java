package vn.motcua.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.notification.internal.NotificationRepository;
import vn.motcua.platform.Actor;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;

/** The caller's in-app notifications. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationsApi {

    private final NotificationRepository notifications;

    NotificationsApi(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** One notification. */
    @Schema(name = "NotificationItem")
    record Item(long id, String subject, String body, String dossierCode, String event, OffsetDateTime createdAt,
                OffsetDateTime readAt, boolean read) {
        static Item of(NotificationRepository.InboxItem n) {
            return new Item(n.id(), n.subject(), n.body(), n.dossierCode(), n.event(), n.createdAt(), n.readAt(),
                    n.read());
        }
    }

    /** A page of the caller's notifications, newest first, with how many are unread in all. */
    record Inbox(List<Item> items, long total, int page, int size, long unread) {
    }

    /** After marking: how many remain unread. */
    record ReadResult(long id, boolean read, long unread) {
    }

    /** After marking everything. */
    record ReadAllResult(int marked, long unread) {
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first, with the unread count")
    Inbox list(Actor actor, @RequestParam(defaultValue = "0") int page,
               @RequestParam(defaultValue = "20") int size) {
        PageResult.check(page, size);
        long me = actor.accountId();
        return new Inbox(notifications.inbox(me, page, size).stream().map(Item::of).toList(),
                notifications.inboxTotal(me), page, size, notifications.unread(me));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read (again: no change)")
    ReadResult read(Actor actor, @PathVariable long id) {
        if (!notifications.markRead(actor.accountId(), id)) {
            throw ProblemException.notFound("error.notification.notFound", String.valueOf(id));
        }
        return new ReadResult(id, true, notifications.unread(actor.accountId()));
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all the caller's notifications read")
    ReadAllResult readAll(Actor actor) {
        int marked = notifications.markAllRead(actor.accountId());
        return new ReadAllResult(marked, notifications.unread(actor.accountId()));
    }
}
