package vn.motcua.calendar.web;

import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the province's time zone ({@code zone}, the calendar's ZoneId bean) to say when something happened,
 * including fragments shared between pages (the audit lines on the account, agency and procedure pages): a template
 * never names a zone, and no page has to remember to add it.
 */
@ControllerAdvice
class ProvinceZoneAdvice {

    private final ZoneId zone;

    ProvinceZoneAdvice(ZoneId zone) {
        this.zone = zone;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }
}
