package vn.motcua.dossier;

import java.util.List;

/**
 * A walk-in at the counter whose papers are incomplete ({@code POST /api/v1/office/desk-visits}): guided with form 02
 * ({@code form} GUIDANCE: {@code items} says what to add, once, completely) or refused with form 03 (REFUSAL:
 * {@code reason}). No dossier is created.
 */
public record DeskVisitRequest(String form, String procedureCode, String applicantName, String applicantIdNumber,
                               String applicantPhone, String reason, List<String> items) {
}
