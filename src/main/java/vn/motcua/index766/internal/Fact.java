package vn.motcua.index766.internal;

import java.time.OffsetDateTime;

/**
 * One row of {@code index766_dossier}: the 766 facts of a dossier.
 *
 * @param populationData 4.5a/4.5b: the dossier used population data ({@link FactRules#populationDataUsed})
 * @param vneidFiled     filed by an account verified with VNeID at the time (one of the reasons of populationData)
 */
public record Fact(long id, String code, String procedureCode, String procedureName, String agencyCode,
                   String provinceCode, String districtCode, String communeCode, String level, String channel,
                   String status, OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime originalDueAt,
                   OffsetDateTime endAt, String endKind, OffsetDateTime returnedAt, String outcome,
                   int supplementCount, OffsetDateTime waitingSupplementSince, OffsetDateTime clockStoppedAt,
                   int apologyCount, boolean lateFlag, boolean electronicResult, boolean digitised,
                   boolean populationData, boolean applicantAccount, boolean feeBearing, boolean paidOnline,
                   String rating, boolean vneidFiled) {

    /** Facts without the VNeID part (tests, and facts read before it existed). */
    public Fact(long id, String code, String procedureCode, String procedureName, String agencyCode,
                String provinceCode, String districtCode, String communeCode, String level, String channel,
                String status, OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime originalDueAt,
                OffsetDateTime endAt, String endKind, OffsetDateTime returnedAt, String outcome,
                int supplementCount, OffsetDateTime waitingSupplementSince, OffsetDateTime clockStoppedAt,
                int apologyCount, boolean lateFlag, boolean electronicResult, boolean digitised,
                boolean populationData, boolean applicantAccount, boolean feeBearing, boolean paidOnline,
                String rating) {
        this(id, code, procedureCode, procedureName, agencyCode, provinceCode, districtCode, communeCode, level,
                channel, status, receivedAt, dueAt, originalDueAt, endAt, endKind, returnedAt, outcome, supplementCount,
                waitingSupplementSince, clockStoppedAt, apologyCount, lateFlag, electronicResult, digitised,
                populationData, applicantAccount, feeBearing, paidOnline, rating, false);
    }

    /** Counted by the index: accepted (tiếp nhận) at some point. */
    public boolean counted() {
        return receivedAt != null;
    }

    public boolean online() {
        return "ONLINE".equals(channel);
    }

    /**
     * The same facts with the indicator 3.6 flag from real payments: fee-bearing (the catalogue's quote or the
     * amount asked &gt; 0) and an online payment held for it ({@link PaidOnlineStore}).
     */
    public Fact withPaidOnline(boolean paidOnlineHeld) {
        boolean paid = feeBearing && paidOnlineHeld;
        if (paid == paidOnline) {
            return this;
        }
        return new Fact(id, code, procedureCode, procedureName, agencyCode, provinceCode, districtCode, communeCode,
                level, channel, status, receivedAt, dueAt, originalDueAt, endAt, endKind, returnedAt, outcome,
                supplementCount, waitingSupplementSince, clockStoppedAt, apologyCount, lateFlag, electronicResult,
                digitised, populationData, applicantAccount, feeBearing, paid, rating, vneidFiled);
    }

    /**
     * The same facts with the indicators 4.5a/4.5b flags from the facts of the identity and integration modules
     * ({@link PopulationDataStore}): filed by an account verified with VNeID at the time, and the population database
     * answered about the applicant; "population data used" by {@link FactRules#populationDataUsed}.
     */
    public Fact withPopulationData(boolean vneid, boolean registryAnswered) {
        boolean used = FactRules.populationDataUsed(vneid, registryAnswered);
        if (used == populationData && vneid == vneidFiled) {
            return this;
        }
        return new Fact(id, code, procedureCode, procedureName, agencyCode, provinceCode, districtCode, communeCode,
                level, channel, status, receivedAt, dueAt, originalDueAt, endAt, endKind, returnedAt, outcome,
                supplementCount, waitingSupplementSince, clockStoppedAt, apologyCount, lateFlag, electronicResult,
                digitised, used, applicantAccount, feeBearing, paidOnline, rating, vneid);
    }

    public boolean withResult() {
        return "FINISHED".equals(endKind) || "RETURNED".equals(endKind);
    }
}
