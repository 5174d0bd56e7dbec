package vn.motcua.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.Holiday;
import vn.motcua.platform.Actor;
import vn.motcua.platform.DemoDataSet;
import vn.motcua.platform.ProblemException;

/**
 * The civil-servant holiday schedules 2023–2026 from demo-data/holidays-vn.json (attribution in its README).
 * Idempotent: a schedule is created only where none exists for its year and holiday, so an administrator's
 * edit is kept. Entries without dates (National Day 2026, unconfirmed) are skipped: the default rule holds.
 * An entry covering several holidays (2023: Giỗ Tổ + 30/4 + 1/5) is split by holiday, each day going to the
 * holiday whose default rule (Art. 112, compensatory days by Art. 111(3)) produces it.
 */
@Component
@Profile("demo")
@Order(20)
class CalendarDemoData implements DemoDataSet {

    private static final Log log = LogFactory.getLog(CalendarDemoData.class);
    private final JsonMapper json;
    private final ScheduleAdmin admin;
    private final CalendarService calendar;

    CalendarDemoData(JsonMapper json, ScheduleAdmin admin, CalendarService calendar) {
        this.json = json;
        this.admin = admin;
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return "calendar";
    }

    @Override
    public void load() {
        JsonNode root;
        try (InputStream in = new ClassPathResource("demo-data/holidays-vn.json").getInputStream()) {
            root = json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo-data/holidays-vn.json", e);
        }
        Actor system = Actor.SYSTEM.from("demo-data");
        root.get("civil_servant_schedules").properties().forEach(year -> {
            int y = Integer.parseInt(year.getKey());
            for (JsonNode entry : year.getValue()) {
                for (var part : split(y, entry).entrySet()) {
                    try {
                        admin.save(y, part.getKey(), part.getValue(), system, ScheduleAdmin.Mode.CREATE_IF_ABSENT);
                    } catch (ProblemException e) {
                        log.warn("Demo holiday schedule " + y + " " + part.getKey() + " refused: " + e.errors());
                    }
                }
            }
        });
    }

    /** The schedules an entry describes, by holiday; none if its dates are unknown. */
    Map<Holiday, ScheduleAdmin.ScheduleInput> split(int year, JsonNode entry) {
        Map<Holiday, ScheduleAdmin.ScheduleInput> out = new EnumMap<>(Holiday.class);
        JsonNode off = entry.get("weekdays_off");
        if (off == null || off.isNull()) {
            return out;
        }
        Set<Holiday> holidays = holidays(entry.path("name_en").asString(""));
        if (holidays.isEmpty()) {
            log.warn("Demo holiday entry of " + year + " names no known holiday: " + entry.path("name_en"));
            return out;
        }
        Set<String> compensatory = new LinkedHashSet<>();
        entry.path("compensatory_days").forEach(d -> compensatory.add(d.asString()));
        YearDays defaults = calendar.yearWith(year, List.of());
        Holiday first = holidays.iterator().next();
        Map<Holiday, List<ScheduleAdmin.DayInput>> days = new EnumMap<>(Holiday.class);
        for (JsonNode d : off) {
            String date = d.asString();
            Holiday h = owner(defaults, LocalDate.parse(date), holidays, first);
            String kind = compensatory.contains(date) ? "COMPENSATORY" : "DAY_OFF";
            days.computeIfAbsent(h, k -> new ArrayList<>()).add(new ScheduleAdmin.DayInput("days", true, date, kind,
                    null));
        }
        for (JsonNode swap : entry.path("swapped_working_days")) {
            String workOn = swap.path("work_on").asString();
            String instead = swap.path("day_off_instead").asString(null);
            Holiday h = instead == null ? first : owner(defaults, LocalDate.parse(instead), holidays, first);
            String name = instead == null ? null : calendar.texts().get(CalendarTexts.VI, "calendar.day.swappedFor",
                    CalendarTexts.shortDate(LocalDate.parse(instead)));
            days.computeIfAbsent(h, k -> new ArrayList<>()).add(new ScheduleAdmin.DayInput("days", true, workOn,
                    "SWAPPED_WORKDAY", name));
        }
        String source = entry.path("source").asString("");
        String confidence = entry.path("confidence").asString("medium");
        String note = entry.path("note").isNull() ? null : entry.path("note").asString(null);
        for (Holiday h : holidays) {
            List<ScheduleAdmin.DayInput> list = days.getOrDefault(h, List.of());
            if (list.isEmpty()) {
                continue;
            }
            String name = entry.path("name_vi").asString();
            String nameEn = entry.path("name_en").asString(null);
            String partNote = note;
            if (holidays.size() > 1) {
                name = calendar.texts().get(CalendarTexts.VI, "calendar.holiday." + h.name());
                nameEn = calendar.texts().get(CalendarTexts.EN, "calendar.holiday." + h.name());
                partNote = calendar.texts().get(CalendarTexts.VI, "calendar.demo.splitNote",
                        entry.path("name_vi").asString());
            }
            out.put(h, new ScheduleAdmin.ScheduleInput(name, nameEn, source, confidence, partNote, list));
        }
        return out;
    }

    private static Holiday owner(YearDays defaults, LocalDate date, Set<Holiday> holidays, Holiday first) {
        YearDays.Entry e = defaults.get(date);
        return e != null && e.holiday() != null && holidays.contains(e.holiday()) ? e.holiday() : first;
    }

    static Set<Holiday> holidays(String nameEn) {
        Set<Holiday> out = new LinkedHashSet<>();
        for (String part : nameEn.split("\\+")) {
            String p = part.trim().toLowerCase(java.util.Locale.ROOT);
            if (p.contains("lunar new year")) {
                out.add(Holiday.TET);
            } else if (p.contains("new year")) {
                out.add(Holiday.NEW_YEAR);
            } else if (p.contains("hung kings")) {
                out.add(Holiday.HUNG_KINGS);
            } else if (p.contains("reunification") || p.contains("labour")) {
                out.add(Holiday.REUNIFICATION_LABOUR);
            } else if (p.contains("national day")) {
                out.add(Holiday.NATIONAL_DAY);
            }
        }
        return out;
    }
}
