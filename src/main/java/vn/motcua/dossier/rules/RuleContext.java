package vn.motcua.dossier.rules;

import vn.motcua.calendar.WorkingCalendar;

/** What the policies consult besides the dossier: the working calendar (every deadline) and the settings. */
public record RuleContext(WorkingCalendar calendar, RuleSettings settings) {
}
