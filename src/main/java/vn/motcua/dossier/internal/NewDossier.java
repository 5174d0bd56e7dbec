package vn.motcua.dossier.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.rules.ClockState;
import vn.motcua.platform.Channel;

/**
 * A dossier to insert at intake, with its documents; its code is drawn in the same statement from the agency's
 * counter of the day ({@code agencyEid}, {@code day}).
 *
 * @param applicantJson the applicant as JSON
 * @param formJson      the eForm as JSON
 * @param feeQuoteJson  the catalogue's quote as JSON
 */
record NewDossier(String agencyEid, LocalDate day, String procedureCode, int procedureVersion, String procedureName,
                  String agencyCode, String provinceCode, String districtCode, String communeCode, String level,
                  Channel channel, DossierStatus status, Long applicantAccountId, String applicantJson,
                  String applicantName, String applicantIdNumber, String applicantPhone, String formJson,
                  BigDecimal timeAmount, String timeUnit, OffsetDateTime submittedAt, OffsetDateTime receivedAt,
                  ClockState clock, Long receivedBy, boolean digitised, long feeAmount, String feeQuoteJson,
                  List<Document> documents) {

    /** A stored file given for a component of the dossier. */
    record Document(String componentCode, UUID fileId, String name, String contentType, long size) {
    }
}
