package vn.motcua.identity.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.identity.CitizenProfile;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.DemoDataSet;
import vn.motcua.platform.Role;

/**
 * Demo accounts, all with password {@code demo}: admin; giamsat (monitoring); citizens congdan1, congdan2; and for four agencies a
 * reception officer, a specialist and a leader; the Tân Phú certifier and accountant (ketoan.tanphu). They are flagged {@code demo} and cannot log in when the
 * demo profile is off.
 */
@Component
@Profile("demo")
@Order(30)
class IdentityDemoData implements DemoDataSet {

    static final Map<String, String> AGENCIES = new LinkedHashMap<>();

    static {
        AGENCIES.put("tanphu", "70.689.25195.MC");
        AGENCIES.put("tienhung", "70.689.25213.MC");
        AGENCIES.put("dongxoai", "70.689.MC");
        AGENCIES.put("sotuphap", "70.S.TP");
    }

    private static final Map<String, String> PLACE = Map.of("tanphu", "Phường Tân Phú", "tienhung", "Xã Tiến Hưng",
            "dongxoai", "TP Đồng Xoài", "sotuphap", "Sở Tư pháp");

    /**
     * The place in a demo officer's name when the demo starts on today's structure: the ward they work for, as their
     * results are signed and printed under it (former Đồng Xoài city officers say so, to tell them from Tân Phú's).
     * A kept database keeps the names it has: history keeps names.
     */
    private static final Map<String, String> PLACE_TODAY = Map.of("tanphu", "Phường Bình Phước", "tienhung",
            "Phường Đồng Xoài", "dongxoai", "Phường Bình Phước (nguyên TP Đồng Xoài)");

    private final AccountService accounts;
    private final Organization organization;
    private String demoHash;

    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    IdentityDemoData(AccountService accounts, Organization organization, java.time.Clock clock,
                     java.time.ZoneId zone) {
        this.accounts = accounts;
        this.organization = organization;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * A demo citizen's address on the demo's structure (issue 11): the README's (the old units: "phường Tân Phú", unit
     * 25195) or, on today's structure, the ward it lies in today and its province, from the organization module's
     * successors ({@link Organization#unitToday}) and units in force today — Xã Tiến Hưng 25213 is now in Phường Bình
     * Phước 25195, Tỉnh Đồng Nai.
     */
    private CitizenProfile citizen(String name, String id, LocalDate born, String phone, String email,
                                   String street, String oldPlace, String unit) {
        if (agencyToday("tanphu").equals(AGENCIES.get("tanphu"))) {
            return new CitizenProfile(name, id, born, phone, email, street + ", " + oldPlace, unit);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String now = organization.unitToday(unit).orElse(unit);
        var ward = organization.unitAt(now, today).orElse(null);
        var province = ward == null || ward.parentCode() == null ? null
                : organization.unitAt(ward.parentCode(), today).orElse(null);
        if (ward == null || province == null) {
            return new CitizenProfile(name, id, born, phone, email, street + ", " + oldPlace, unit);
        }
        String former = now.equals(unit) ? "" : " (" + oldPlace + " cũ)";
        return new CitizenProfile(name, id, born, phone, email,
                street + former + ", " + lower(ward.name()) + ", " + lower(province.name()), now);
    }

    /** "Phường Bình Phước" → "phường Bình Phước", as inside an address. */
    private static String lower(String unitName) {
        return unitName.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + unitName.substring(1);
    }

    /**
     * Where the demo assigns the officers of an abolished unit when its legal successor is not where they work: after
     * a merger the unit's dossiers, history and agency code go to its legal successor by law (the reorganisation's
     * mapping), but which one-stop its staff work in is the province's staffing decision (bố trí cán bộ, công chức
     * sau sắp xếp), not fixed by the mapping. The demo's choice: Xã Tiến Hưng (merged into Phường Bình Phước with
     * Phường Tân Phú) sends its officers to the other ward formed from former Đồng Xoài city, Phường Đồng Xoài
     * ({@code 75.25210.MC}: Xã Tân Thành + Phường Tiến Thành), so that the README keeps an officer of another ward
     * ("tiepnhan.tienhung" sees none of Phường Bình Phước's dossiers). An assumption of the demo, documented in
     * docs/REORGANISATION.md; a real reorganisation moves no account.
     */
    static final Map<String, String> ASSIGNED_AFTER_REORGANISATION = Map.of("tienhung", "75.25210.MC");

    /**
     * The agency an officer of the README works in: the README's agency or, once a reorganisation closed it (the
     * demo on today's structure, {@code motcua.demo.apply-reorganisation-2025}), its successor — Phường Tân Phú's
     * and Đồng Xoài's one-stops became Phường Bình Phước's ({@code 75.25195.MC}) — unless the demo assigns the
     * officers elsewhere ({@link #ASSIGNED_AFTER_REORGANISATION}: Tiến Hưng's to Phường Đồng Xoài's).
     */
    String agencyToday(String x) {
        String readme = AGENCIES.get(x);
        String successor = organization.agency(readme).map(Agency::code).orElse(readme);
        if (successor.equals(readme)) {
            return readme; // the old structure: not reorganised
        }
        return java.util.Optional.ofNullable(ASSIGNED_AFTER_REORGANISATION.get(x))
                .flatMap(organization::agency).map(Agency::code).orElse(successor);
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    @Transactional
    public void load() {
        create("admin", "Quản trị hệ thống", "ADMIN", null, Role.ADMIN, null, null);
        // hardening (issue 17): reads metrics and the 766 drill-down, changes nothing
        create("giamsat", "Giám sát vận hành", "ADMIN", null, Role.MONITORING, null, null);
        long c1 = create("congdan1", "Nguyễn Văn An", "CITIZEN", null, Role.CITIZEN, "an.nguyen@example.vn", "0912345678");
        if (c1 > 0) {
            accounts.saveProfile(c1, citizen("Nguyễn Văn An", "070090001234", LocalDate.of(1990, 5, 12),
                    "0912345678", "an.nguyen@example.vn", "Số 12, đường Phú Riềng Đỏ", "phường Tân Phú", "25195"));
        }
        long c2 = create("congdan2", "Trần Thị Bình", "CITIZEN", null, Role.CITIZEN, "binh.tran@example.vn", "0987654321");
        if (c2 > 0) {
            accounts.saveProfile(c2, citizen("Trần Thị Bình", "070195004321", LocalDate.of(1995, 8, 20),
                    "0987654321", "binh.tran@example.vn", "Ấp 3", "xã Tiến Hưng", "25213"));
        }
        AGENCIES.forEach((x, readme) -> {
            String agency = agencyToday(x);
            String place = agency.equals(readme) ? PLACE.get(x) : PLACE_TODAY.getOrDefault(x, PLACE.get(x));
            create("tiepnhan." + x, "Cán bộ tiếp nhận " + place, "OFFICER", agency, Role.RECEPTION, null, null);
            create("chuyenvien." + x, "Chuyên viên " + place, "OFFICER", agency, Role.SPECIALIST, null, null);
            long leader = create("lanhdao." + x, "Lãnh đạo " + place, "OFFICER", agency, Role.LEADER, null, null);
            if (leader > 0) {
                // printed under the signature of the results they sign (as V27 records for existing databases)
                accounts.setPosition(leader, x.equals("sotuphap") ? "Phó Giám đốc" : "Phó Chủ tịch");
            }
            for (String role : new String[] {"tiepnhan.", "chuyenvien.", "lanhdao."}) {
                accounts.moveDemoAccount(role + x, agency); // a kept database after the reorganisation was applied
            }
        });
        // certification (issue 12): the commune's certifier (công chức tư pháp - hộ tịch), docs/CERTIFICATION.md
        String tanPhu = agencyToday("tanphu");
        String ward = tanPhu.equals(AGENCIES.get("tanphu")) ? PLACE.get("tanphu") : PLACE_TODAY.get("tanphu");
        create("chungthuc.tanphu", "Công chức chứng thực " + ward, "OFFICER", tanPhu, Role.CERTIFIER, null, null);
        accounts.moveDemoAccount("chungthuc.tanphu", tanPhu);
        // payments (issue 13): the agency's accountant (transactions, reconciliation, refunds), docs/PAYMENTS.md
        create("ketoan.tanphu", "Kế toán " + ward, "OFFICER", tanPhu, Role.ACCOUNTANT, null, null);
        accounts.moveDemoAccount("ketoan.tanphu", tanPhu);
    }

    private long create(String username, String name, String kind, String agency, Role role, String email,
                        String phone) {
        if (accounts.exists(username)) {
            return -1;
        }
        if (demoHash == null) {
            demoHash = accounts.hash("demo");
        }
        return accounts.createHashed(username, demoHash, name, email, phone, kind, agency, Set.of(role), true);
    }
}
