package vn.motcua.dossier.internal;

import java.time.LocalDate;
import java.util.List;
import vn.motcua.dossier.Applicant;
import vn.motcua.identity.PersonalIdNumber;
import vn.motcua.identity.TaxCode;
import vn.motcua.platform.Contacts;
import vn.motcua.platform.FieldProblem;

/** The applicant's details, checked before anything is stored. */
final class ApplicantChecks {

    /** A person's name: letters (with their marks), spaces, and ' ’ - . , between them; no digits or symbols. */
    static final java.util.regex.Pattern NAME =
            java.util.regex.Pattern.compile("[\\p{L}\\p{M}]+(?:[\\s'’.,\\-]+[\\p{L}\\p{M}]+)*[.]?");

    private ApplicantChecks() {
    }

    static void check(Applicant a, LocalDate today, List<FieldProblem> out) {
        if (a == null) {
            out.add(FieldProblem.of("applicant", "error.required"));
            return;
        }
        if (!Applicant.PERSON.equals(a.type()) && !Applicant.ORGANIZATION.equals(a.type())) {
            out.add(FieldProblem.of("applicant.type", "error.param.oneOf", "PERSON, ORGANIZATION"));
        }
        if (a.fullName() == null) {
            out.add(FieldProblem.of("applicant.fullName", "error.required"));
        } else if (a.fullName().length() > 200) {
            out.add(FieldProblem.of("applicant.fullName", "error.length.max", 200));
        } else if (!NAME.matcher(a.fullName().strip()).matches()) {
            out.add(FieldProblem.of("applicant.fullName", "error.input.letters"));
        }
        if (Applicant.ORGANIZATION.equals(a.type())) {
            if (a.organizationName() == null) {
                out.add(FieldProblem.of("applicant.organizationName", "error.required"));
            }
            if (!TaxCode.isValid(a.taxCode())) {
                out.add(FieldProblem.of("applicant.taxCode", "error.taxCode.invalid"));
            }
            if (a.idNumber() != null) {
                PersonalIdNumber.problems(a.idNumber(), a.dateOfBirth())
                        .forEach(k -> out.add(FieldProblem.of("applicant.idNumber", k)));
            }
        } else if (a.idNumber() == null) {
            out.add(FieldProblem.of("applicant.idNumber", "error.required"));
        } else {
            PersonalIdNumber.problems(a.idNumber(), a.dateOfBirth())
                    .forEach(k -> out.add(FieldProblem.of("applicant.idNumber", k)));
        }
        if (a.dateOfBirth() != null && (a.dateOfBirth().isAfter(today) || a.dateOfBirth().getYear() < 1900)) {
            out.add(FieldProblem.of("applicant.dateOfBirth", "error.date.range"));
        }
        if (a.phone() == null) {
            out.add(FieldProblem.of("applicant.phone", "error.required"));
        } else if (!Contacts.phone(a.phone())) {
            out.add(FieldProblem.of("applicant.phone", "error.phone.format"));
        }
        if (a.email() != null && !Contacts.email(a.email())) {
            out.add(FieldProblem.of("applicant.email", "error.email.format"));
        }
        if (a.address() != null && a.address().length() > 500) {
            out.add(FieldProblem.of("applicant.address", "error.length.max", 500));
        }
    }
}
