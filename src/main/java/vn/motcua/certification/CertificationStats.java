package vn.motcua.certification;

import java.time.OffsetDateTime;
import java.util.Set;

/** What the 766 index reads from the certification module. */
public interface CertificationStats {

    /** The agencies that issued at least one electronic certified copy in {@code [from, to)}. */
    Set<String> agenciesCertifying(OffsetDateTime from, OffsetDateTime to);
}
