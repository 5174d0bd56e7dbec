package vn.motcua.demo.internal;

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
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierBulkLoad;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;
import vn.motcua.dossier.rules.ActionInput;
import vn.motcua.dossier.rules.ClockEffects;
import vn.motcua.dossier.rules.ClockState;
import vn.motcua.dossier.rules.Decision;
import vn.motcua.dossier.rules.DossierFacts;
import vn.motcua.dossier.rules.DossierRules;
import vn.motcua.dossier.rules.Party;
import vn.motcua.dossier.rules.Punctuality;
import vn.motcua.dossier.rules.RuleContext;
import vn.motcua.dossier.rules.SupplementStage;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.Channel;

/**
 * The generator's core, free of any database: day by day, the dossiers received that day (exact counts per
 * level), each with a full lifecycle whose every transition is decided by the dossier rule book
 * ({@link DossierRules#decide}: the table and every policy; a refusal is a bug and stops the run) and whose every
 * clock change is one of its {@link ClockEffects} (every deadline from the {@link WorkingCalendar}). Rows go out as
 * typed batches ({@link Rows}) to the dossier module's bulk load. Deterministic: the same seed, range and reference
 * data give the same rows.
 */
final class Synth {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    /** The origin of every history line the generator writes (how other loads find its dossiers). */
    static final String ORIGIN = "generator";
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
    private final RuleContext rules;
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

    Synth(World world, RuleContext rules, long seed, OffsetDateTime cutoff, LongSupplier ids,
          CodeCounters counters, int batch, UnaryOperator<Rows> flush) {
        this.world = world;
        this.rules = rules;
        this.calendar = rules.calendar();
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
            if (rows.dossiers.size() >= batch) {
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
                    .forEach(c -> rows.counters.add(new DossierBulkLoad.CodeCounter(c.getKey(), e.getKey(),
                            c.getValue())));
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

    /** One dossier's lifecycle, event by event, each asked of the rule book first. */
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
        OffsetDateTime submittedAt, receivedAt, processingSince, finishedAt, returnedAt, paidAt, ratedAt, createdAt;
        ClockState clock = ClockState.NOT_STARTED;
        Outcome outcome;
        int supplementCount, receptionSupplements, apologyCount;
        SupplementStage supplementStage;
        String assignee, rating;
        boolean lateFlag;
        long fee;
        final List<SupplementRow> supplements = new ArrayList<>(2);
        final List<HistoryRow> history = new ArrayList<>(12);

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
            this.fee = o.fee(p.channel());
        }

        void run() {
            try {
                lifecycle();
            } catch (Cutoff stop) {
                // the dossier is still open at the cut-off: it stays in its last status
            }
            write();
        }

        /** Who acts for the applicant: themselves online, the one-stop (with the papers scanned) for paper dossiers. */
        private Party applicantSide() {
            return p.channel() == Channel.ONLINE ? Party.APPLICANT : Party.RECEPTION;
        }

        private void lifecycle() {
            OffsetDateTime r = p.receivedAt();
            if (p.channel() == Channel.ONLINE) {
                boolean receptionSupplement = rnd.nextDouble() < 0.03;
                OffsetDateTime s;
                if (receptionSupplement) {
                    s = r.minusDays(3 + rnd.nextInt(6)).withHour(rnd.nextInt(24)).withMinute(rnd.nextInt(60));
                } else if (rnd.nextInt(100) < 70 && r.getHour() * 60 + r.getMinute() > 30) {
                    s = r.minusMinutes(5 + rnd.nextInt(Math.max(1, r.getHour() * 60 + r.getMinute() - 5)));
                } else {
                    s = r.minusDays(1 + rnd.nextInt(3)).withHour(6 + rnd.nextInt(17)).withMinute(rnd.nextInt(60));
                }
                code = nextCode(o.agency().electronicId(), s);
                create(DossierAction.SUBMIT, Party.APPLICANT, s, null);
                submittedAt = s;
                if (receptionSupplement) {
                    OffsetDateTime req = calendar.addWorkingMinutes(s, 30 + rnd.nextInt(400));
                    if (!req.isBefore(r)) {
                        req = s.plusMinutes(1);
                    }
                    String reason = pick(SUPPLEMENT_REASONS);
                    emit(DossierAction.REQUEST_SUPPLEMENT, Party.RECEPTION, req, reason, null, "Tiếp nhận");
                    supplementStage = SupplementStage.RECEPTION;
                    receptionSupplements++;
                    SupplementRow row = new SupplementRow(SupplementStage.RECEPTION, now, reason);
                    supplements.add(row);
                    long gap = java.time.Duration.between(req, r).toMinutes();
                    OffsetDateTime supply = req.plusMinutes(Math.max(1, gap * (20 + rnd.nextInt(60)) / 100));
                    emit(DossierAction.SUPPLY, Party.APPLICANT, supply, null, "Đã bổ sung theo hướng dẫn", "Tiếp nhận");
                    supplementStage = null;
                    row.suppliedAt = now;
                }
                if (p.refused()) {
                    emit(DossierAction.REFUSE, Party.RECEPTION, r, pick(REFUSE_REASONS), null, "Tiếp nhận");
                    finishedAt = now;
                    return;
                }
                emit(DossierAction.ACCEPT, Party.RECEPTION, r, null, null, "Tiếp nhận");
            } else {
                code = nextCode(o.agency().electronicId(), r);
                create(DossierAction.RECEIVE, Party.RECEPTION, r, p.channel() == Channel.POSTAL
                        ? "Tiếp nhận qua bưu chính" : "Tiếp nhận trực tiếp");
            }
            receivedAt = now;
            clock = ClockEffects.onAccept(now, time, p.channel(), calendar);
            history.getLast().dueAt = clock.dueAt();

            long rem = remaining();
            emit(DossierAction.FORWARD, Party.RECEPTION, addWorking(now, Math.max(1, Math.min(5 + rnd.nextInt(85), rem / 5))),
                    null, null, "Xử lý");
            processingSince = now;
            if (rnd.nextBoolean()) {
                assignee = specialist;
                emit(DossierAction.ASSIGN, Party.LEADER, now.plusMinutes(1 + rnd.nextInt(10)), null, null, "Xử lý");
            }

            // how this dossier goes: late ones by two supplement requests, despite an apology, or plainly
            int kind = !p.late() ? 0 : rnd.nextInt(10) < 3 ? 1 : rnd.nextInt(10) < 6 ? 2 : 3;
            int supplementsPlanned = kind == 1 ? 2 : rnd.nextDouble() < 0.04 ? 1 : 0;
            boolean payment = fee > 0 && rnd.nextDouble() < 0.7;
            // a supplement is asked for early in appraisal (the 3-working-day window): a payment comes after them
            int paymentAt = payment ? (kind == 1 ? supplementsPlanned : rnd.nextInt(supplementsPlanned + 1)) : -1;
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
                fin = addWorking(clock.dueAt(), 30 + rnd.nextInt(3 * DAY_MIN));
            } else {
                rem = remaining();
                // most dossiers finish well before the due moment
                double u = rnd.nextDouble();
                fin = rem > 1 ? addWorking(now, Math.max(1, (long) (rem * u * u))) : now.plusMinutes(1);
                if (fin.isAfter(clock.dueAt()) && now.isBefore(clock.dueAt())) {
                    fin = clock.dueAt();
                }
            }
            if (!fin.isAfter(now)) {
                fin = now.plusMinutes(1);
            }
            switch (end) {
                case REJECT -> emit(end, Party.LEADER, fin, pick(REJECT_REASONS), null, "Xử lý");
                case STOP -> emit(end, Party.LEADER, fin, "Người yêu cầu đề nghị dừng giải quyết", null, "Xử lý");
                case WITHDRAW -> emit(end, applicantSide(), fin, "Không còn nhu cầu", null, null);
                default -> emit(end, Party.STEP_OWNER, fin, null, null, "Phê duyệt, ký kết quả");
            }
            finishedAt = now;
            clock = ClockEffects.onFinished(clock);
            outcome = Punctuality.outcome(now, clock.dueAt(), lateFlag, calendar.zone());
            if (end != DossierAction.COMPLETE || rnd.nextInt(100) >= 97) {
                return;
            }
            OffsetDateTime ret = addWorking(now, 5 + rnd.nextInt(2 * DAY_MIN));
            emit(DossierAction.RETURN_RESULT, Party.RECEPTION, ret, null, null, "Trả kết quả");
            returnedAt = now;
            if (rnd.nextDouble() < 0.35) {
                OffsetDateTime at = now.plusMinutes(1 + rnd.nextInt(600));
                double x = rnd.nextDouble();
                double unhappy = outcome == Outcome.LATE ? 0.25 : 0.02;
                String value = x < unhappy ? "UNSATISFIED" : x < unhappy + 0.06 ? "NEUTRAL" : "SATISFIED";
                emit(DossierAction.RATE, Party.APPLICANT, at, null, null, null);
                rating = value;
                ratedAt = now;
            }
        }

        /**
         * A supplement request during appraisal (Art. 19(3)), within the rule book's working-day window of the
         * dossier reaching processing, and the applicant's answer: the time restarts from zero.
         */
        private void supplement(boolean required) {
            long window = rules.settings().appraisalSupplementWorkingDays() * calendar.workingMinutesPerDay();
            long left = window - calendar.workingMinutesBetween(processingSince, now);
            if (left < 2 || (remaining() < 30 && !required)) {
                return;
            }
            OffsetDateTime at = addWorking(now, 1 + rnd.nextLong(Math.max(1, Math.min(left - 1, 480))));
            String reason = pick(SUPPLEMENT_REASONS);
            emit(DossierAction.REQUEST_SUPPLEMENT, Party.STEP_OWNER, at, reason, null, "Xử lý");
            SupplementRow row = new SupplementRow(SupplementStage.PROCESSING, now, reason);
            supplements.add(row);
            supplementCount++;
            if (supplementCount > 1) {
                lateFlag = true; // DOMAIN §2.6: more than one supplement request ⇒ late
            }
            supplementStage = SupplementStage.PROCESSING;
            clock = ClockEffects.onSupplementRequested(clock, now, calendar);
            LocalDate day = calendar.workingDayOnOrAfter(now.toLocalDate().plusDays(1 + rnd.nextInt(7)));
            OffsetDateTime supply = officeMoment(day, rnd, true);
            emit(DossierAction.SUPPLY, applicantSide(), supply, null, "Đã bổ sung giấy tờ", "Xử lý");
            supplementStage = null;
            clock = ClockEffects.onSupplied(clock, now, time, p.channel(), calendar);
            processingSince = now;
            history.getLast().dueAt = clock.dueAt();
            row.suppliedAt = now;
        }

        /** A financial obligation (Art. 22): the clock stops until paid or waived, then resumes. */
        private void payment() {
            long rem = remaining();
            OffsetDateTime at = addWorking(now, 1 + (rem > 4 ? rnd.nextLong(rem / 4) : 0));
            emit(DossierAction.REQUEST_PAYMENT, Party.STEP_OWNER, at, null, null, "Xử lý");
            clock = ClockEffects.onPaymentRequested(clock, now, calendar);
            OffsetDateTime paid = addWorking(now, 20 + rnd.nextInt(2 * DAY_MIN));
            boolean waive = rnd.nextDouble() < 0.05;
            if (waive) {
                emit(DossierAction.WAIVE_PAYMENT, Party.LEADER, paid, "Thuộc đối tượng được miễn lệ phí", null, "Xử lý");
                fee = 0;
            } else {
                emit(DossierAction.CONFIRM_PAYMENT, Party.RECEPTION, paid, null, null, "Xử lý");
                paidAt = now;
            }
            clock = ClockEffects.onPaymentResumed(clock, now, p.channel(), calendar);
            history.getLast().dueAt = clock.dueAt();
        }

        /** Form 04: no later than the rule book's lead before the due moment, once; the dossier is late all the same. */
        private void apologize() {
            long lead = rules.settings().apologyLeadWorkingDays() * calendar.workingMinutesPerDay();
            long rem = remaining() - lead;
            if (rem < 2) {
                return;
            }
            OffsetDateTime at = addWorking(now, 1 + rnd.nextLong(rem - 1));
            OffsetDateTime newDue = addWorking(clock.dueAt(), (long) DAY_MIN * (1 + rnd.nextInt(3)));
            emit(DossierAction.APOLOGIZE, Party.LEADER, at, pick(APOLOGY_REASONS), null, "Xử lý", newDue);
            apologyCount++;
            clock = ClockEffects.onApology(clock, newDue);
            history.getLast().dueAt = clock.dueAt();
        }

        private long remaining() {
            return calendar.remainingWorkingMinutes(now, clock.dueAt());
        }

        private OffsetDateTime addWorking(OffsetDateTime from, long minutes) {
            return calendar.addWorkingMinutes(from, minutes).withOffsetSameInstant(offset);
        }

        private String pick(String[] options) {
            return options[rnd.nextInt(options.length)];
        }

        private void create(DossierAction action, Party party, OffsetDateTime at, String note) {
            if (at.isAfter(cutoff)) {
                throw new Cutoff();
            }
            Decision d = DossierRules.create(action, Set.of(party));
            if (!d.allowed()) {
                throw new IllegalStateException(action + " is not for " + party);
            }
            createdAt = at;
            record(action, party, at, null, note, "Tiếp nhận", null, d.to());
        }

        private void emit(DossierAction action, Party party, OffsetDateTime at, String reason, String note, String step) {
            emit(action, party, at, reason, note, step, null);
        }

        /**
         * Asks the rule book (the table and every policy), then records the transition. Nothing after the cut-off
         * happens; a refusal means the generator is wrong, never silently tolerated.
         */
        private void emit(DossierAction action, Party party, OffsetDateTime at, String reason, String note, String step,
                          OffsetDateTime newDueAt) {
            if (at.isAfter(cutoff)) {
                throw new Cutoff();
            }
            if (now != null && !at.isAfter(now)) {
                at = now.plusSeconds(1);
            }
            DossierFacts facts = new DossierFacts(status, p.channel(), supplementStage, receivedAt, clock.dueAt(),
                    processingSince, apologyCount, receptionSupplements, true, false, rating != null);
            ActionInput in = ActionInput.at(at).withNewDueAt(newDueAt);
            in = reason != null ? in.withReason() : in;
            in = assignee != null ? in.withAssignee() : in;
            in = action == DossierAction.COMPLETE ? in.withResultDocument() : in;
            in = action == DossierAction.SUPPLY || action == DossierAction.WITHDRAW ? in.withDocuments() : in;
            Decision decision = DossierRules.decide(action, Set.of(party), facts, in, rules);
            if (!decision.allowed()) {
                throw new IllegalStateException("generated transition refused by the rule book: " + action + " in "
                        + status + " by " + party + " (" + decision.rejection().messageKey() + ") for " + code);
            }
            if (decision.markLate()) {
                lateFlag = true;
            }
            record(action, party, at, reason, note, step, clock.dueAt(), decision.to());
        }

        private void record(DossierAction action, Party party, OffsetDateTime at, String reason, String note,
                            String step, OffsetDateTime dueAfter, DossierStatus to) {
            String role = party == Party.APPLICANT ? "CITIZEN" : party == Party.RECEPTION ? "RECEPTION"
                    : party == Party.LEADER ? "LEADER" : "SPECIALIST";
            String actor = switch (party) {
                case APPLICANT -> person.fullName();
                case RECEPTION -> receptionist;
                case LEADER -> leader;
                default -> specialist;
            };
            history.add(new HistoryRow(at, actor, role, party == Party.APPLICANT ? null : o.agency().code(),
                    action.name(), status == null ? null : status.name(), to.name(), step, reason, note, dueAfter));
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
            // where the applicant lives, by the units in force on the day the dossier was filed (issue 11)
            String address = p.unit().address().on(p.receivedAt().atZoneSameInstant(calendar.zone()).toLocalDate());
            String applicant = "{\"type\":\"PERSON\",\"fullName\":\"" + person.fullName() + "\",\"idNumber\":\""
                    + person.idNumber() + "\",\"dateOfBirth\":\"" + person.dateOfBirth() + "\",\"phone\":\""
                    + person.phone() + "\",\"email\":null,\"address\":\"" + address
                    + "\",\"organizationName\":null,\"taxCode\":null}";
            rows.dossiers.add(new DossierBulkLoad.Dossier(id, code, o.procedure().code(), o.procedure().version(),
                    o.procedure().name(), o.agency().code(), o.path().provinceCode(), o.path().districtCode(),
                    o.path().communeCode(), level.name(), p.channel().name(), status.name(), applicant,
                    person.fullName(), person.idNumber(), person.phone(), "{}", time.amount(), time.unit().name(),
                    submittedAt, receivedAt, clock.startedAt(), clock.dueAt(), clock.originalDueAt(), clock.pausedAt(),
                    clock.pausedRemainingMinutes(), finishedAt, returnedAt, outcome == null ? null : outcome.name(),
                    supplementCount, receptionSupplements, supplementStage == null ? null : supplementStage.name(),
                    apologyCount, lateFlag, assignee, processingSince, p.channel() != Channel.ONLINE && (id % 10) < 6,
                    fee, paidAt, rating, ratedAt, createdAt, now));
            for (HistoryRow h : history) {
                rows.history.add(new DossierBulkLoad.History(id, h.at, h.actor, h.role, h.agency, ORIGIN, h.action,
                        h.from, h.to, h.step, h.reason, h.note, h.dueAt));
            }
            for (SupplementRow s : supplements) {
                rows.supplements.add(new DossierBulkLoad.Supplement(id, s.stage.name(), s.requestedAt, s.reason,
                        s.suppliedAt, s.suppliedAt == null ? null : "Đã bổ sung"));
                tally.supplements++;
            }
        }
    }

    /** A supplement request while the dossier's life is generated (answered later, or not before the cut-off). */
    private static final class SupplementRow {
        final SupplementStage stage;
        final OffsetDateTime requestedAt;
        final String reason;
        OffsetDateTime suppliedAt;

        SupplementRow(SupplementStage stage, OffsetDateTime requestedAt, String reason) {
            this.stage = stage;
            this.requestedAt = requestedAt;
            this.reason = reason;
        }
    }

    /** A history line while the dossier's life is generated (its due moment may be set by the clock effect after). */
    private static final class HistoryRow {
        final OffsetDateTime at;
        final String actor, role, agency, action, from, to, step, reason, note;
        OffsetDateTime dueAt;

        HistoryRow(OffsetDateTime at, String actor, String role, String agency, String action, String from, String to,
                   String step, String reason, String note, OffsetDateTime dueAt) {
            this.at = at;
            this.actor = actor;
            this.role = role;
            this.agency = agency;
            this.action = action;
            this.from = from;
            this.to = to;
            this.step = step;
            this.reason = reason;
            this.note = note;
            this.dueAt = dueAt;
        }
    }
}
