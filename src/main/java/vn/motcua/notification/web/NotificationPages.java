package vn.motcua.notification.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.notification.internal.NotificationRepository;
import vn.motcua.platform.Actor;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;

/** "Thông báo": the logged-in user's in-app notifications, with buttons to mark them read. */
@Controller
class NotificationPages {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final NotificationRepository notifications;
    /** The province's time zone (the calendar's). */
    private final ZoneId zone;

    NotificationPages(NotificationRepository notifications, ZoneId zone) {
        this.notifications = notifications;
        this.zone = zone;
    }

    /** A notification as the page shows it. */
    record Row(long id, String subject, String body, String dossierCode, String createdAt, String createdAtIso,
               boolean read) {
        static Row of(NotificationRepository.InboxItem n, ZoneId zone) {
            OffsetDateTime at = n.createdAt().atZoneSameInstant(zone).toOffsetDateTime();
            return new Row(n.id(), n.subject(), n.body(), n.dossierCode(), SHOWN.format(at), at.toString(), n.read());
        }
    }

    @GetMapping("/thong-bao")
    String inbox(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        PageResult.check(page, PAGE_SIZE);
        long me = actor.accountId();
        long total = notifications.inboxTotal(me);
        model.addAttribute("items", notifications.inbox(me, page, PAGE_SIZE).stream().map(n -> Row.of(n, zone)).toList());
        model.addAttribute("total", total);
        model.addAttribute("unread", notifications.unread(me));
        model.addAttribute("page", page);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return "notification/inbox";
    }

    @PostMapping("/thong-bao/{id}/da-doc")
    String read(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page) {
        if (!notifications.markRead(actor.accountId(), id)) {
            throw ProblemException.notFound("error.notification.notFound", String.valueOf(id));
        }
        return "redirect:/thong-bao" + (page > 0 ? "?page=" + page : "") + "#n" + id;
    }

    @PostMapping("/thong-bao/da-doc-tat-ca")
    String readAll(Actor actor) {
        notifications.markAllRead(actor.accountId());
        return "redirect:/thong-bao";
    }
}
