package vn.motcua.integration.population;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A population registry of generated citizens for the demo and tests: the demo applicants (docs/NATIONAL.md) and
 * {@value #GENERATED} people generated from a fixed seed, with valid 12-digit numbers of Bình Phước (070). Nobody real.
 */
final class SimulatedPopulationRegistry implements PopulationRegistry {

    static final int GENERATED = 500;
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"};
    private static final String[] MIDDLE_M = {"Văn", "Hữu", "Đức", "Minh", "Quốc"};
    private static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thu", "Thanh", "Mỹ"};
    private static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Hải", "Khoa", "Long", "Nam", "Phúc", "Tâm"};
    private static final String[] GIVEN_F = {"Anh", "Chi", "Hà", "Hoa", "Lan", "Linh", "Mai", "Nga", "Thảo", "Yến"};
    private static final String[] PLACES = {"phường Tân Phú, thành phố Đồng Xoài", "phường Tân Bình, thành phố Đồng Xoài",
        "xã Tiến Hưng, thành phố Đồng Xoài", "thị trấn Tân Phú, huyện Đồng Phú", "phường Phước Bình, thị xã Phước Long"};

    private final Map<String, RegistryPerson> people = new LinkedHashMap<>();

    SimulatedPopulationRegistry() {
        add(new RegistryPerson("070090001234", "Nguyễn Văn An", LocalDate.of(1990, 5, 12), "Nam",
                "Số 12, phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước",
                "Số 12, phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước"));
        Random random = new Random(766);
        for (int i = 0; i < GENERATED; i++) {
            boolean male = random.nextBoolean();
            LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55));
            int century = born.getYear() >= 2000 ? 2 : 0;
            String id = "070" + (century + (male ? 0 : 1)) + String.format("%02d", born.getYear() % 100)
                    + String.format("%06d", random.nextInt(1_000_000));
            String name = FAMILY[random.nextInt(FAMILY.length)] + " "
                    + (male ? MIDDLE_M[random.nextInt(MIDDLE_M.length)] : MIDDLE_F[random.nextInt(MIDDLE_F.length)]) + " "
                    + (male ? GIVEN_M[random.nextInt(GIVEN_M.length)] : GIVEN_F[random.nextInt(GIVEN_F.length)]);
            String address = "Số " + (1 + random.nextInt(300)) + ", " + PLACES[random.nextInt(PLACES.length)]
                    + ", tỉnh Bình Phước";
            people.putIfAbsent(id, new RegistryPerson(id, name, born, male ? "Nam" : "Nữ", address, address));
        }
    }

    private void add(RegistryPerson p) {
        people.put(p.idNumber(), p);
    }

    @Override
    public String source() {
        return "SIMULATED";
    }

    @Override
    public Optional<RegistryPerson> lookup(String idNumber) {
        return Optional.ofNullable(people.get(idNumber));
    }

    /** Everybody, for the demo's documentation and tests. */
    Map<String, RegistryPerson> people() {
        return Map.copyOf(people);
    }
}
