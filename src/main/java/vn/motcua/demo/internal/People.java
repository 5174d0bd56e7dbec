package vn.motcua.demo.internal;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Synthetic applicants: Vietnamese names in realistic proportions, valid 12-digit personal identification
 * numbers (DOMAIN.md §6.1: province of birth registration, century-and-sex digit, year, random part) and
 * mobile numbers of the Vietnamese networks.
 */
final class People {

    private People() {
    }

    /** Family names with their approximate shares (per mille). */
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Điểu", "Thị"};
    private static final int[] FAMILY_WEIGHT = {380, 110, 95, 70, 30, 25, 45, 20, 25, 21, 20, 14, 13, 13, 10, 5, 6, 2};
    private static final String[] MIDDLE_M = {"Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Hoàng", "Ngọc"};
    private static final String[] MIDDLE_F = {"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng", "Phương"};
    private static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khang", "Khoa",
            "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thành", "Thắng", "Tiến", "Trung",
            "Tuấn", "Việt", "Vinh", "Hiếu", "Lộc", "Tâm", "Toàn"};
    private static final String[] GIVEN_F = {"Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Huyền",
            "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo",
            "Thủy", "Trang", "Trinh", "Tuyết", "Vân", "Yến", "Hiền"};
    /** Where applicants' births were registered: mostly Bình Phước (070), then the provinces migrants come from. */
    private static final String[] BIRTH_PROVINCE = {"070", "070", "070", "070", "070", "070", "070", "070", "075",
            "074", "072", "079", "038", "040", "042", "036", "034", "052", "066", "067", "001"};
    private static final String[] MOBILE = {"032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077",
            "078", "079", "081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "093", "094", "096",
            "097", "098", "056", "058", "059"};
    private static final int FAMILY_TOTAL = java.util.Arrays.stream(FAMILY_WEIGHT).sum();

    /** One applicant. */
    record Person(String fullName, boolean female, LocalDate dateOfBirth, String idNumber, String phone) {
    }

    static Person person(SplittableRandom rnd, LocalDate on) {
        boolean female = rnd.nextInt(100) < 52;
        String name = family(rnd) + " " + (female ? MIDDLE_F : MIDDLE_M)[rnd.nextInt(10)] + " "
                + (female ? GIVEN_F : GIVEN_M)[rnd.nextInt(30)];
        // applicants are 18 to 75 years old
        LocalDate born = on.minusYears(18 + rnd.nextInt(57)).minusDays(rnd.nextInt(365));
        return new Person(name, female, born, idNumber(rnd, born, female), phone(rnd));
    }

    /** A name for an officer (no middle-name statistics needed). */
    static String officerName(SplittableRandom rnd) {
        boolean female = rnd.nextBoolean();
        return family(rnd) + " " + (female ? MIDDLE_F : MIDDLE_M)[rnd.nextInt(10)] + " "
                + (female ? GIVEN_F : GIVEN_M)[rnd.nextInt(30)];
    }

    /** {@code PPP G YY RRRRRR}: G = 0/1 for 1900–1999 (male/female), 2/3 for 2000–2099. */
    static String idNumber(SplittableRandom rnd, LocalDate born, boolean female) {
        int century = (born.getYear() / 100) - 19;
        int g = century * 2 + (female ? 1 : 0);
        return BIRTH_PROVINCE[rnd.nextInt(BIRTH_PROVINCE.length)] + g
                + String.format("%02d", born.getYear() % 100) + String.format("%06d", rnd.nextInt(1_000_000));
    }

    static String phone(SplittableRandom rnd) {
        return MOBILE[rnd.nextInt(MOBILE.length)] + String.format("%07d", rnd.nextInt(10_000_000));
    }

    private static String family(SplittableRandom rnd) {
        int x = rnd.nextInt(FAMILY_TOTAL);
        for (int i = 0; i < FAMILY.length; i++) {
            x -= FAMILY_WEIGHT[i];
            if (x < 0) {
                return FAMILY[i];
            }
        }
        return FAMILY[0];
    }
}
