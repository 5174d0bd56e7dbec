package vn.motcua.dossier.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;
import vn.motcua.dossier.rules.ClockState;
import vn.motcua.dossier.rules.SupplementStage;
import vn.motcua.workflow.StepInstance;

/**
 * The changeable part of a dossier, copied from the row and changed by one transition with typed setters;
 * {@link DossierRepository#update} writes it whole, if the version is still the one read.
 */
final class DossierUpdate {

    DossierStatus status;
    OffsetDateTime receivedAt;
    Long receivedBy;
    ClockState clock;
    OffsetDateTime finishedAt;
    OffsetDateTime returnedAt;
    Outcome outcome;
    int supplementCount;
    int receptionSupplementCount;
    SupplementStage supplementStage;
    int apologyCount;
    boolean lateFlag;
    Long assigneeId;
    String assigneeName;
    Integer stepSeq;
    String stepName;
    String stepRole;
    String stepAgency;
    String agencyCode;
    OffsetDateTime stepDueAt;
    List<String> consultingAgencies;
    OffsetDateTime processingSince;
    Long feeAmount;
    OffsetDateTime paidAt;
    String rating;
    String ratingComment;
    OffsetDateTime ratedAt;
    JsonNode form;
    int resultFiles;

    DossierUpdate(DossierRecord d) {
        status = d.status();
        receivedAt = d.receivedAt();
        receivedBy = d.receivedBy();
        clock = d.clock();
        finishedAt = d.finishedAt();
        returnedAt = d.returnedAt();
        outcome = d.outcome();
        supplementCount = d.supplementCount();
        receptionSupplementCount = d.receptionSupplementCount();
        supplementStage = d.stage();
        apologyCount = d.apologyCount();
        lateFlag = d.lateFlag();
        assigneeId = d.assigneeId();
        assigneeName = d.assigneeName();
        stepSeq = d.currentStepSeq();
        stepName = d.currentStepName();
        stepRole = d.currentStepRole();
        stepAgency = d.currentStepAgency();
        agencyCode = d.agencyCode();
        stepDueAt = d.currentStepDueAt();
        consultingAgencies = new ArrayList<>(d.consultingAgencies());
        processingSince = d.processingSince();
        feeAmount = d.feeAmount();
        paidAt = d.paidAt();
        rating = d.rating();
        ratingComment = d.ratingComment();
        ratedAt = d.ratedAt();
        form = d.form();
        resultFiles = d.resultFiles();
    }

    DossierUpdate status(DossierStatus s) {
        status = s;
        return this;
    }

    DossierUpdate clock(ClockState c) {
        clock = c;
        return this;
    }

    DossierUpdate received(OffsetDateTime at, long by) {
        receivedAt = at;
        receivedBy = by;
        return this;
    }

    DossierUpdate finished(OffsetDateTime at, Outcome o) {
        finishedAt = at;
        outcome = o;
        return noStep();
    }

    DossierUpdate returned(OffsetDateTime at) {
        returnedAt = at;
        return this;
    }

    DossierUpdate step(StepInstance s) {
        stepSeq = s.seq();
        stepName = s.name();
        stepRole = s.role().name();
        stepAgency = s.agencyCode();
        stepDueAt = s.dueAt();
        return this;
    }

    DossierUpdate stepDue(OffsetDateTime due) {
        stepDueAt = due;
        return this;
    }

    DossierUpdate noStep() {
        stepSeq = null;
        stepName = null;
        stepRole = null;
        stepAgency = null;
        stepDueAt = null;
        return this;
    }

    DossierUpdate assignee(Long id, String name) {
        assigneeId = id;
        assigneeName = name;
        return this;
    }

    DossierUpdate consulting(List<String> agencies) {
        consultingAgencies = new ArrayList<>(agencies);
        return this;
    }

    DossierUpdate supplementRequested(SupplementStage stage) {
        supplementStage = stage;
        if (stage == SupplementStage.RECEPTION) {
            receptionSupplementCount++;
        } else {
            supplementCount++;
            if (supplementCount > 1) {
                lateFlag = true; // DOMAIN §2.6: more than one supplement request during processing ⇒ late
            }
        }
        return this;
    }

    DossierUpdate supplied() {
        supplementStage = null;
        return this;
    }

    DossierUpdate markLate() {
        lateFlag = true;
        return this;
    }

    DossierUpdate processingSince(OffsetDateTime at) {
        processingSince = at;
        return this;
    }

    DossierUpdate apologized() {
        apologyCount++;
        return this;
    }

    DossierUpdate fee(Long amount) {
        feeAmount = amount;
        return this;
    }

    DossierUpdate paid(OffsetDateTime at) {
        paidAt = at;
        return this;
    }

    DossierUpdate rated(String r, String comment, OffsetDateTime at) {
        rating = r;
        ratingComment = comment;
        ratedAt = at;
        return this;
    }

    DossierUpdate form(JsonNode f) {
        form = f;
        return this;
    }

    DossierUpdate resultFiles(int n) {
        resultFiles = n;
        return this;
    }
}
