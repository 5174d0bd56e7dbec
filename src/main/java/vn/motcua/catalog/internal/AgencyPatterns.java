package vn.motcua.catalog.internal;

import java.util.List;
import java.util.regex.Pattern;
import vn.motcua.organization.Agency;
import vn.motcua.organization.UnitLevel;

/**
 * Which agencies may receive a procedure: those matching the procedure's implementing-agency patterns
 * (e.g. {@code 70.<district>.<commune>.CA}: every commune police), plus the one-stop section of every level
 * the procedure is carried out at (commune, district, provincial centre).
 */
final class AgencyPatterns {

    private AgencyPatterns() {
    }

    private static final java.util.Map<String, Pattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static Pattern compile(String pattern) {
        return CACHE.computeIfAbsent(pattern, AgencyPatterns::build);
    }

    private static Pattern build(String pattern) {
        StringBuilder re = new StringBuilder("^");
        for (String part : pattern.split("\\.")) {
            if (re.length() > 1) {
                re.append("\\.");
            }
            if (part.equals("<district>") || part.equals("<commune>")) {
                re.append("\\d+");
            } else {
                re.append('(');
                String[] options = part.split("\\|");
                for (int i = 0; i < options.length; i++) {
                    re.append(i > 0 ? "|" : "").append(Pattern.quote(options[i]));
                }
                re.append(')');
            }
        }
        return Pattern.compile(re.append('$').toString());
    }

    /** True when one of the patterns matches the code (e.g. a predecessor's code). */
    static boolean matchesCode(List<String> patterns, String code) {
        for (String p : patterns) {
            if (compile(p).matcher(code).matches()) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(List<String> patterns, List<UnitLevel> levels, Agency agency) {
        for (String p : patterns) {
            if (compile(p).matcher(agency.code()).matches()) {
                return true;
            }
        }
        return switch (agency.kind()) {
            case "one_stop_commune" -> levels.contains(UnitLevel.COMMUNE);
            case "one_stop_district" -> levels.contains(UnitLevel.DISTRICT);
            case "one_stop_provincial" -> levels.contains(UnitLevel.PROVINCE);
            default -> false;
        };
    }
}
