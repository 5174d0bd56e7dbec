package vn.motcua.dossier.internal.generate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierRules;
import vn.motcua.dossier.DossierRules.Party;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.Channel;

/**
 * The generator's core, free of any database: day by day, the dossiers received that day (exact counts per
 * level), each with a full lifecycle whose every transition is decided by {@link DossierRules} (a refusal is
 * a bug and stops the run) and whose every deadline comes from the {@link WorkingCalendar}. Rows go out in COPY
 * text format through {@link Rows}. Deterministic: the same seed, range and reference data give the same rows.
 */
final class Synth {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final String ORIGIN = "generator";
    /** Office hours (the calendar's defaults): 07:00–11:30 and 13:30–17:00. */
    private static final int MORNING_MIN = 270;
    private static final int DAY_MIN = 480;

    private static final String[] SUPPLEMENT_REASONS = {
        "Thiếu bản sao giấy tờ chứng minh nơi cư trú", "Tờ khai chưa ghi đầy đủ thông tin theo mẫu",
        "Thiếu giấy ủy quyền có chứng thực", "Bản chụp giấy tờ không rõ, đề nghị nộp lại bản rõ nét",
        "Thông tin trên tờ khai không khớp với giấy tờ tùy thân", "Thiếu chữ ký của người yêu cầu trên tờ khai"};
    private static final String[] APOLOGY_REASONS = {
        "Hồ sơ cần xác minh thêm tại địa phương nơi cư trú trước đây",
        "Chờ ý kiến phối hợp của cơ quan liên quan", "Khối lượng hồ sơ tăng đột biến trong kỳ"};
    private static final String[] REJECT_REASONS = {
        "Người yêu cầu không đủ điều kiện theo quy định", "Nội dung yêu cầu không thuộc thẩm quyền giải quyết"};
    private static final String[] REFUSE_REASONS = {
        "Hồ sơ nộp không đúng thủ tục hành chính", "Người nộp không cung cấp đủ thông tin sau khi được hướng dẫn"};

    /** Existing daily code counters (dossier_code_seq) of a day, by agency electronic id. */
    interface CodeCounters {
        Map<String, Integer> existing(LocalDate day);
    }

    /** What the run produced (counts by level) — the caller's report and the test's oracle. */
    static final class Tally {
        final Map<UnitLevel, long[]> byLevel = new EnumMap<>(UnitLevel.class);
        long refused;
        long histories;
        long supplements;

        Tally() {
            for (UnitLevel l : UnitLevel.values()) {
                byLevel.put(l, new long[4]); // received, finished, late, online
            }
        }

        long received(UnitLevel l) {
            return byLevel.get(l)[0];
        }

        long finished(UnitLevel l) {
            return byLevel.get(l)[1];
        }

        long late(UnitLevel l) {
            return byLevel.get(l)[2];
        }

        long online(UnitLevel l) {
            return byLevel.get(l)[3];
        }
    }

    private final World world;
    private final WorkingCalendar calendar;
    private final long seed;
    private final OffsetDateTime cutoff;
    private final LongSupplier ids;
    private final CodeCounters counters;
    private final UnaryOperator<Rows> flush;
    private final int batch;
    private final ZoneOffset offset;
    final Tally tally = new Tally();
    private Rows rows = new Rows();
    /** Code counters of recent days (online dossiers take the code of the submission day). */
    private final TreeMap<LocalDate, Map<String, Integer>> codeDays = new TreeMap<>();

    Synth(World world, WorkingCalendar calendar, long seed, OffsetDateTime cutoff, LongSupplier ids,
          CodeCounters counters, int batch, UnaryOperator<Rows> flush) {
        this.world = world;
        this.calendar = calendar;
        this.seed = seed;
        this.cutoff = cutoff;
        this.ids = ids;
        this.counters = counters;
        this.batch = batch;
        this.flush = flush;
        this.offset = calendar.zone().getRules().getOffset(cutoff.toInstant());
    }

    /**
     * The working days of {@code [from, to]} with the number of dossiers each level receives on each: exact
     * totals, spread by weekday (Mondays busiest) and month (fewer around Tết).
     */
    static Map<LocalDate, long[]> schedule(WorkingCalendar calendar, LocalDate from, LocalDate to,
                                           Map<UnitLevel, Long> totals) {
        List<LocalDate> days = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double sum = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            double w = switch (d.getDayOfWeek()) {
                case MONDAY -> 1.15;
                case TUESDAY -> 1.05;
                case FRIDAY -> 0.92;
                case SATURDAY, SUNDAY -> 0.8; // a swapped working weekend day
                default -> 1.0;
            };
            w *= switch (d.getMonthValue()) {
                case 1 -> 1.12;
                case 2 -> 0.85;
                case 12 -> 1.08;
                default -> 1.0;
            };
            days.add(d);
            weights.add(w);
            sum += w;
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no working day between " + from + " and " + to);
        }
        Map<LocalDate, long[]> out = new java.util.LinkedHashMap<>();
        double acc = 0;
        long[] given = new long[UnitLevel.values().length];
        for (int i = 0; i < days.size(); i++) {
            acc += weights.get(i);
            long[] counts = new long[UnitLevel.values().length];
            for (UnitLevel l : UnitLevel.values()) {
                long upTo = i == days.size() - 1 ? totals.get(l) : Math.round(acc / sum * totals.get(l));
                counts[l.ordinal()] = upTo - given[l.ordinal()];
                given[l.ordinal()] = upTo;
            }
            out.put(days.get(i), counts);
        }
        return out;
    }

    /** One dossier to make: where, what, how it came and when it was received. */
    private record Plan(UnitLevel level, World.Unit unit, World.Offer offer, Channel channel, OffsetDateTime receivedAt,
                        boolean late, boolean refused, long rnd) {
    }

    /** Generates the dossiers received on {@code day}. */
    void day(LocalDate day, long[] counts) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + day.toEpochDay());
        List<Plan> plans = new ArrayList<>();
        for (UnitLevel level : UnitLevel.values()) {
            double onlineShare = Seeds.ONLINE_SHARE.get(level);
            double lateRate = Seeds.LATE_RATE.get(level);
            for (long i = 0; i < counts[level.ordinal()]; i++) {
                World.Unit unit = world.pick(level, rnd);
                boolean online = unit.online().length > 0 && rnd.nextDouble() < onlineShare;
                World.Offer offer = online ? unit.online()[rnd.nextInt(unit.online().length)]
                        : unit.all()[rnd.nextInt(unit.all().length)];
                Channel channel = online ? Channel.ONLINE
                        : rnd.nextDouble() < Seeds.POSTAL_SHARE ? Channel.POSTAL : Channel.COUNTER;
                boolean late = rnd.nextDouble() < lateRate * unit.lateFactor();
                plans.add(new Plan(level, unit, offer, channel, officeMoment(day, rnd, true), late, false, rnd.nextLong()));
                if (online && rnd.nextDouble() < 0.005) {
                    // besides: an online submission refused at reception (form 03), never received
                    plans.add(new Plan(level, unit, offer, channel, officeMoment(day, rnd, true), false, true,
                            rnd.nextLong()));
                }
            }
        }
        plans.sort(Comparator.comparing(Plan::receivedAt));
        for (Plan p : plans) {
            new Life(p, new SplittableRandom(p.rnd())).run();
            if (rows.dossierCount >= batch) {
                rows = flush.apply(rows);
            }
        }
        // counters of days no later dossier can use any more (online submissions go back at most 10 days)
        closeCodeDays(day.minusDays(10));
    }

    /** Writes the remaining counters and hands over the last rows. */
    void finish() {
        closeCodeDays(LocalDate.MAX);
        if (!rows.isEmpty()) {
            rows = flush.apply(rows);
        }
    }

    private void closeCodeDays(LocalDate before) {
        for (Iterator<Map.Entry<LocalDate, Map<String, Integer>>> it = codeDays.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().isBefore(before)) {
                break;
            }
            e.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(c -> Rows.row(rows.codeSeq, c.getKey(), e.getKey(), c.getValue()));
            it.remove();
        }
    }

    /** {@code {electronic id}-{YYMMDD}-{NNNN}} continuing the agency's counter of the day (as IntakeService). */
    private String nextCode(String electronicId, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(calendar.zone()).toLocalDate();
        Map<String, Integer> c = codeDays.computeIfAbsent(day, d -> new HashMap<>(counters.existing(d)));
        int n = c.merge(electronicId, 1, Integer::sum);
        return electronicId + "-" + day.format(YYMMDD) + "-" + String.format("%04d", n);
    }

    /** A moment in office hours of {@code day}, mornings busier; with seconds when {@code seconds}. */
    private OffsetDateTime officeMoment(LocalDate day, SplittableRandom rnd, boolean seconds) {
        int m = rnd.nextInt(100) < 62 ? rnd.nextInt(MORNING_MIN) : MORNING_MIN + rnd.nextInt(DAY_MIN - MORNING_MIN);
        LocalTime t = m < MORNING_MIN ? LocalTime.of(7, 0).plusMinutes(m) : LocalTime.of(13, 30).plusMinutes(m - MORNING_MIN);
        if (seconds) {
            t = t.plusSeconds(rnd.nextInt(60));
        }
        return OffsetDateTime.of(day, t, offset);
    }

    /** Thrown when the next event would happen after the cut-off: the dossier stays as it is. */
    private static final class Cutoff extends RuntimeException {
        Cutoff() {
            super(null, null, false, false);
        }
    }

    /** One dossier's lifecycle, event by event. */
    private final class Life {
        final Plan p;
        final SplittableRandom rnd;
        final World.Offer o;
        final ProcessingTime time;
        final long id;
        final People.Person person;
        final String receptionist;
        final String specialist;
        final String leader;
        String code;
        DossierStatus status;
        OffsetDateTime now;
        OffsetDateTime submittedAt, receivedAt, clockStartedAt, dueAt, originalDueAt, pausedAt, finishedAt, returnedAt,
                paidAt, ratedAt, createdAt;
        Long pausedRemaining;
        Outcome outcome;
        int supplementCount, apologyCount;
        String supplementStage, assignee, rating;
        boolean lateFlag;
        long fee;
        final List<Object[]> supplements = new ArrayList<>(2);

        Life(Plan p, SplittableRandom rnd) {
            this.p = p;
            this.rnd = rnd;
            this.o = p.offer();
            this.time = o.procedure().processingTime();
            this.id = ids.getAsLong();
            this.person = People.person(rnd, p.receivedAt().toLocalDate());
            String[] officers = p.unit().officers();
            this.receptionist = officers[rnd.nextInt(2)];
            this.specialist = officers[2 + rnd.nextInt(2)];
            this.leader = officers[4 + rnd.nextInt(2)];
            this.fee = o.fee();
        }

        void run() {
            try {
                lifecycle();
            } catch (Cutoff stop) {
                // the dossier is still open at the cut-off: it stays in its last status
            }
            write();
        }

        private void lifecycle() {
            OffsetDateTime r = p.receivedAt();
            boolean refuse = false;
            if (p.channel() == Channel.ONLINE) {
                boolean receptionSupplement = rnd.nextDouble() < 0.03;
                refuse = p.refused();
                OffsetDateTime s;
                if (receptionSupplement) {
                    s = r.minusDays(3 + rnd.nextInt(6)).withHour(rnd.nextInt(24)).withMinute(rnd.nextInt(60));
                } else if (rnd.nextInt(100) < 70 && r.getHour() * 60 + r.getMinute() > 30) {
                    s = r.minusMinutes(5 + rnd.nextInt(Math.max(1, r.getHour() * 60 + r.getMinute() - 5)));
                } else {
                    s = r.minusDays(1 + rnd.nextInt(3)).withHour(6 + rnd.nextInt(17)).withMinute(rnd.nextInt(60));
                }
                code = nextCode(o.agency().electronicId(), s);
                emit(DossierAction.SUBMIT, Party.APPLICANT, s, null, null, null);
                submittedAt = s;
                if (receptionSupplement) {
                    OffsetDateTime req = calendar.addWorkingMinutes(s, 30 + rnd.nextInt(400));
                    if (!req.isBefore(r)) {
                        req = s.plusMinutes(1);
                    }
                    String reason = pick(SUPPLEMENT_REASONS);
                    emit(DossierAction.REQUEST_SUPPLEMENT, Party.RECEPTION, req, reason, null, "Tiếp nhận");
                    supplementStage = "RECEPTION";
                    supplements.add(new Object[] {"RECEPTION", req, reason, null});
                    long gap = java.time.Duration.between(req, r).toMinutes();
                    OffsetDateTime supply = req.plusMinutes(Math.max(1, gap * (20 + rnd.nextInt(60)) / 100));
                    emit(DossierAction.SUPPLY, Party.APPLICANT, supply, null, "Đã bổ sung theo hướng dẫn", "Tiếp nhận");
                    supplementStage = null;
                    supplements.getLast()[3] = supply;
                }
                if (refuse) {
                    emit(DossierAction.REFUSE, Party.RECEPTION, r, pick(REFUSE_REASONS), null, "Tiếp nhận");
                    finishedAt = r;
                    return;
                }
            } else {
                code = nextCode(o.agency().electronicId(), r);
            }
            Deadline d = calendar.deadline(r, time, p.channel());
            emit(p.channel() == Channel.ONLINE ? DossierAction.ACCEPT : DossierAction.RECEIVE, Party.RECEPTION, r,
                    null, p.channel() == Channel.POSTAL ? "Tiếp nhận qua bưu chính"
                            : p.channel() == Channel.COUNTER ? "Tiếp nhận trực tiếp" : null, "Tiếp nhận", d.dueAt());
            receivedAt = r;
            clockStartedAt = d.startsAt();
            dueAt = d.dueAt();
            originalDueAt = d.dueAt();

            long rem = remaining();
            emit(DossierAction.FORWARD, Party.RECEPTION, addWorking(now, Math.max(1, Math.min(5 + rnd.nextInt(85), rem / 5))),
                    null, null, "Xử lý");
            if (rnd.nextBoolean()) {
                assignee = specialist;
                emit(DossierAction.ASSIGN, Party.LEADER, now.plusMinutes(1 + rnd.nextInt(10)), null, null, "Xử lý");
            }

            // how this dossier goes: late ones by two supplement requests, despite an apology, or plainly
            int kind = !p.late() ? 0 : rnd.nextInt(10) < 3 ? 1 : rnd.nextInt(10) < 6 ? 2 : 3;
            int supplementsPlanned = kind == 1 ? 2 : rnd.nextDouble() < 0.04 ? 1 : 0;
            boolean payment = fee > 0 && rnd.nextDouble() < 0.7;
            int paymentAt = payment ? rnd.nextInt(supplementsPlanned + 1) : -1;
            for (int i = 0; i <= supplementsPlanned; i++) {
                if (i == paymentAt) {
                    payment();
                }
                if (i < supplementsPlanned) {
                    supplement(kind == 1);
                }
            }
            if (kind == 2) {
                apologize();
            }

            boolean late = kind >= 2;
            DossierAction end = DossierAction.COMPLETE;
            if (!p.late()) {
                double x = rnd.nextDouble();
                end = x < 0.008 ? DossierAction.REJECT : x < 0.012 ? DossierAction.WITHDRAW
                        : x < 0.013 ? DossierAction.STOP : DossierAction.COMPLETE;
            }
            OffsetDateTime fin;
            if (late) {
                fin = addWorking(dueAt, 30 + rnd.nextInt(3 * DAY_MIN));
            } else {
                rem = remaining();
                // most dossiers finish well before the due moment
                double u = rnd.nextDouble();
                fin = rem > 1 ? addWorking(now, Math.max(1, (long) (rem * u * u))) : now.plusMinutes(1);
                if (fin.isAfter(dueAt) && now.isBefore(dueAt)) {
                    fin = dueAt;
                }
            }
            if (!fin.isAfter(now)) {
                fin = now.plusMinutes(1);
            }
            switch (end) {
                case REJECT -> emit(end, Party.LEADER, fin, pick(REJECT_REASONS), null, "Xử lý");
                case STOP -> emit(end, Party.LEADER, fin, "Người yêu cầu đề nghị dừng giải quyết", null, "Xử lý");
                case WITHDRAW -> emit(end, Party.APPLICANT, fin, "Không còn nhu cầu", null, null);
                default -> emit(end, Party.STEP_OWNER, fin, null, null, "Phê duyệt, ký kết quả");
            }
            finishedAt = fin;
            outcome = DossierRules.outcome(fin, dueAt, lateFlag, calendar.zone());
            pausedAt = null;
            if (end != DossierAction.COMPLETE || rnd.nextInt(100) >= 97) {
                return;
            }
            OffsetDateTime ret = addWorking(fin, 5 + rnd.nextInt(2 * DAY_MIN));
            emit(DossierAction.RETURN_RESULT, Party.RECEPTION, ret, null, null, "Trả kết quả");
            returnedAt = ret;
            if (rnd.nextDouble() < 0.35) {
                OffsetDateTime at = ret.plusMinutes(1 + rnd.nextInt(600));
                if (!at.isAfter(cutoff)) {
                    double x = rnd.nextDouble();
                    double unhappy = outcome == Outcome.LATE ? 0.25 : 0.02;
                    rating = x < unhappy ? "UNSATISFIED" : x < unhappy + 0.06 ? "NEUTRAL" : "SATISFIED";
                    ratedAt = at;
                }
            }
        }

        /** A supplement request during processing (Art. 19(3)) and the applicant's answer: the time restarts. */
        private void supplement(boolean required) {
            long rem = remaining();
            if (rem < 30 && !required) {
                return;
            }
            OffsetDateTime at = addWorking(now, 1 + (rem > 2 ? rnd.nextLong(Math.max(1, rem * 6 / 10)) : rnd.nextInt(120)));
            String reason = pick(SUPPLEMENT_REASONS);
            long left = calendar.remainingWorkingMinutes(at, dueAt);
            emit(DossierAction.REQUEST_SUPPLEMENT, Party.STEP_OWNER, at, reason, null, "Xử lý");
            supplementCount++;
            if (supplementCount > 1) {
                lateFlag = true; // DOMAIN §2.6: more than one supplement request ⇒ late
            }
            supplementStage = "PROCESSING";
            pausedAt = at;
            pausedRemaining = left;
            supplements.add(new Object[] {"PROCESSING", at, reason, null});
            LocalDate day = calendar.workingDayOnOrAfter(at.toLocalDate().plusDays(1 + rnd.nextInt(7)));
            OffsetDateTime supply = officeMoment(day, rnd, true);
            Deadline d = calendar.deadline(supply, time, p.channel());
            emit(DossierAction.SUPPLY, Party.APPLICANT, supply, null, "Đã bổ sung giấy tờ", "Xử lý", d.dueAt());
            supplements.getLast()[3] = supply;
            supplementStage = null;
            clockStartedAt = d.startsAt();
            dueAt = d.dueAt();
            originalDueAt = d.dueAt();
            pausedAt = null;
            pausedRemaining = null;
        }

        /** A financial obligation (Art. 22): the clock stops until paid or waived. */
        private void payment() {
            long rem = remaining();
            OffsetDateTime at = addWorking(now, 1 + (rem > 4 ? rnd.nextLong(rem / 4) : 0));
            long left = calendar.remainingWorkingMinutes(at, dueAt);
            emit(DossierAction.REQUEST_PAYMENT, Party.STEP_OWNER, at, null, null, "Xử lý");
            pausedAt = at;
            pausedRemaining = left;
            OffsetDateTime paid = addWorking(at, 20 + rnd.nextInt(2 * DAY_MIN));
            OffsetDateTime due = calendar.addWorkingMinutes(calendar.clockStart(paid, p.channel()), Math.max(0, left));
            boolean waive = rnd.nextDouble() < 0.05;
            if (waive) {
                emit(DossierAction.WAIVE_PAYMENT, Party.LEADER, paid, "Thuộc đối tượng được miễn lệ phí", null, "Xử lý", due);
                fee = 0;
            } else {
                emit(DossierAction.CONFIRM_PAYMENT, Party.RECEPTION, paid, null, null, "Xử lý", due);
                paidAt = paid;
            }
            dueAt = due;
            pausedAt = null;
            pausedRemaining = null;
        }

        /** Form 04: before the due moment, once; the dossier is late all the same. */
        private void apologize() {
            long rem = remaining();
            if (rem < 2) {
                return;
            }
            OffsetDateTime at = addWorking(now, 1 + rnd.nextLong(rem - 1));
            if (!at.isBefore(dueAt)) {
                return;
            }
            OffsetDateTime newDue = addWorking(dueAt, (long) DAY_MIN * (1 + rnd.nextInt(3)));
            emit(DossierAction.APOLOGIZE, Party.LEADER, at, pick(APOLOGY_REASONS), null, "Xử lý", newDue, newDue);
            apologyCount++;
            dueAt = newDue;
        }

        private long remaining() {
            return calendar.remainingWorkingMinutes(now, dueAt);
        }

        private OffsetDateTime addWorking(OffsetDateTime from, long minutes) {
            return calendar.addWorkingMinutes(from, minutes).withOffsetSameInstant(offset);
        }

        private String pick(String[] options) {
            return options[rnd.nextInt(options.length)];
        }

        private void emit(DossierAction action, Party party, OffsetDateTime at, String reason, String note, String step) {
            emit(action, party, at, reason, note, step, dueAt, null);
        }

        private void emit(DossierAction action, Party party, OffsetDateTime at, String reason, String note, String step,
                          OffsetDateTime dueAfter) {
            emit(action, party, at, reason, note, step, dueAfter, null);
        }

        /**
         * Asks the status machine, then records the transition. Nothing after the cut-off happens; a refusal
         * means the generator is wrong, never silently tolerated.
         */
        private void emit(DossierAction action, Party party, OffsetDateTime at, String reason, String note, String step,
                          OffsetDateTime dueAfter, OffsetDateTime newDueAt) {
            if (at.isAfter(cutoff)) {
                throw new Cutoff();
            }
            if (now != null && !at.isAfter(now)) {
                at = now.plusSeconds(1);
            }
            DossierStatus to;
            if (status == null) {
                DossierRules.Rule rule = DossierRules.RULES.stream()
                        .filter(r -> r.action() == action && r.from().isEmpty()).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no creating rule for " + action));
                if (!rule.by().contains(party)) {
                    throw new IllegalStateException(action + " is not for " + party);
                }
                to = rule.to();
                createdAt = at;
            } else {
                var facts = new DossierRules.Facts(at, dueAt, reason != null, assignee != null, false,
                        action == DossierAction.COMPLETE, newDueAt, apologyCount, true, false, receivedAt != null);
                var decision = DossierRules.decide(action, status, Set.of(party), facts);
                if (!decision.allowed()) {
                    throw new IllegalStateException("generated transition refused by DossierRules: " + action
                            + " in " + status + " by " + party + " (" + decision.reasonKey() + ") for " + code);
                }
                to = decision.to();
                if (action == DossierAction.SUPPLY) {
                    to = "RECEPTION".equals(supplementStage) ? DossierStatus.SUBMITTED : DossierStatus.PROCESSING;
                }
            }
            String role = party == Party.APPLICANT ? "CITIZEN" : party == Party.RECEPTION ? "RECEPTION"
                    : party == Party.LEADER ? "LEADER" : "SPECIALIST";
            String actor = switch (party) {
                case APPLICANT -> person.fullName();
                case RECEPTION -> receptionist;
                case LEADER -> leader;
                default -> specialist;
            };
            Rows.row(rows.history, id, at, actor, role, party == Party.APPLICANT ? null : o.agency().code(), ORIGIN,
                    action.name(), status == null ? null : status.name(), to.name(), step, reason, note, dueAfter);
            rows.historyCount++;
            tally.histories++;
            status = to;
            now = at;
        }

        private void write() {
            UnitLevel level = o.agency().level();
            if (receivedAt == null) {
                tally.refused++;
            } else {
                long[] t = tally.byLevel.get(level);
                t[0]++;
                if (finishedAt != null) {
                    t[1]++;
                    if (outcome == Outcome.LATE) {
                        t[2]++;
                    }
                }
                if (p.channel() == Channel.ONLINE) {
                    t[3]++;
                }
            }
            String applicant = "{\"type\":\"PERSON\",\"fullName\":\"" + person.fullName() + "\",\"idNumber\":\""
                    + person.idNumber() + "\",\"dateOfBirth\":\"" + person.dateOfBirth() + "\",\"phone\":\""
                    + person.phone() + "\",\"email\":null,\"address\":\"" + p.unit().address()
                    + "\",\"organizationName\":null,\"taxCode\":null}";
            Rows.row(rows.dossiers, id, code, o.procedure().code(), o.procedure().version(), o.procedure().name(),
                    o.agency().code(), o.path().provinceCode(), o.path().districtCode(), o.path().communeCode(),
                    level.name(), p.channel().name(), status.name(), applicant, person.fullName(), person.idNumber(),
                    person.phone(), "{}", time.amount(), time.unit().name(), submittedAt, receivedAt, clockStartedAt,
                    dueAt, originalDueAt, pausedAt, pausedRemaining, finishedAt, returnedAt,
                    outcome == null ? null : outcome.name(), supplementCount, supplementStage, apologyCount,
                    lateFlag, assignee, p.channel() != Channel.ONLINE && (id % 10) < 6, fee, paidAt, rating, null,
                    ratedAt, createdAt, now);
            rows.dossierCount++;
            for (Object[] s : supplements) {
                Rows.row(rows.supplements, id, s[0], s[1], s[2], "[]", s[3], s[3] == null ? null : "Đã bổ sung");
                rows.supplementCount++;
                tally.supplements++;
            }
        }
    }
}
