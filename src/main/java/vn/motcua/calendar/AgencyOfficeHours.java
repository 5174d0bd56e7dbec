package vn.motcua.calendar;

import java.util.List;
import java.util.Optional;

/**
 * An agency's own office hours, when an administrator set them (the organization module answers): sessions
 * {@code "HH:mm-HH:mm"} in order. Empty: the province's office hours ({@code motcua.calendar.office-hours}).
 */
public interface AgencyOfficeHours {

    Optional<List<String>> sessions(String agencyCode);
}
