package vn.motcua.demo.internal;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.command.Command;

/**
 * {@code java -jar motcua.jar generate --dossiers N --from 2022-01-01 --to 2022-12-31 [--seed S] [--batch B]
 * [--cutoff 2023-01-01T00:00+07:00]}: loads synthetic dossiers (docs/GENERATOR.md).
 */
@Component
class GenerateCommand implements Command {

    static final String USAGE = """
            Cách dùng: generate --dossiers N [--from 2022-01-01] [--to 2022-12-31] [--seed 766] [--batch 5000] [--cutoff <thời điểm ISO>]
              --dossiers  số hồ sơ tiếp nhận trong khoảng (tỉ lệ theo cấp như Bình Phước 2022; 1251357 = cả năm 2022)
              --from/--to khoảng ngày tiếp nhận (mặc định cả năm 2022)
              --seed      hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu
              --batch     số hồ sơ mỗi lô COPY (mặc định 5000)
              --cutoff    không sinh sự kiện nào sau thời điểm này (mặc định: bây giờ)""";

    private final DossierGenerator generator;

    GenerateCommand(DossierGenerator generator) {
        this.generator = generator;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "sinh dữ liệu hồ sơ tổng hợp quy mô tỉnh (--dossiers N --from --to --seed --batch)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        PrintStream out = System.out;
        DossierGenerator.Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        out.printf("Sinh %,d hồ sơ tiếp nhận từ %s đến %s (seed %d, lô %d)%n", options.dossiers(), options.from(),
                options.to(), options.seed(), options.batch());
        DossierGenerator.Report r = generator.generate(options, out::println);
        for (UnitLevel l : UnitLevel.values()) {
            long fin = r.finished().get(l);
            out.printf("  %-8s tiếp nhận %,10d  trực tuyến %5.1f %%  đã xong %,10d  trễ hạn %5.2f %%%n", l,
                    r.received().get(l), 100.0 * r.online().get(l) / Math.max(1, r.received().get(l)), fin,
                    100.0 * r.late().get(l) / Math.max(1, fin));
        }
        out.printf("Tổng %,d hồ sơ tiếp nhận (+%,d từ chối tiếp nhận), %,d dòng lịch sử, %,d yêu cầu bổ sung, trong %.1f s%n",
                r.total(), r.refused(), r.histories(), r.supplements(), r.millis() / 1000.0);
        return 0;
    }

    static DossierGenerator.Options parse(List<String> args) {
        long dossiers = -1;
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate to = LocalDate.of(2022, 12, 31);
        long seed = 766;
        int batch = 5000;
        OffsetDateTime cutoff = null;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null) {
                problems.add(name + ": thiếu giá trị");
                continue;
            }
            try {
                switch (name) {
                    case "--dossiers" -> dossiers = Long.parseLong(value.replace("_", "").replace(",", ""));
                    case "--from" -> from = LocalDate.parse(value);
                    case "--to" -> to = LocalDate.parse(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--batch" -> batch = Integer.parseInt(value);
                    case "--cutoff" -> cutoff = OffsetDateTime.parse(value);
                    default -> problems.add(name + ": tùy chọn không được hỗ trợ");
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                problems.add(name + ": giá trị không hợp lệ \"" + value + "\"");
            }
        }
        if (dossiers < 1) {
            problems.add("--dossiers: bắt buộc, là số nguyên dương");
        }
        if (batch < 100 || batch > 200_000) {
            problems.add("--batch: phải từ 100 đến 200000");
        }
        if (to.isBefore(from)) {
            problems.add("--to: phải không trước --from");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new DossierGenerator.Options(dossiers, from, to, seed, batch, cutoff, null);
    }
}
