package vn.motcua.identity.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.identity.CitizenProfile;
import vn.motcua.identity.PersonalIdNumber;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.Contacts;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/** Citizen sign-up and profile, with every rule checked before anything is stored. */
@Service
public class Registration {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");

    private final AccountService accounts;
    private final Organization organization;
    /** Today's date for the profile's rules, in the zone of the working calendar. */
    private final java.time.Clock clock;

    Registration(AccountService accounts, Organization organization, java.time.Clock clock,
                 vn.motcua.calendar.WorkingCalendar calendar) {
        this.accounts = accounts;
        this.organization = organization;
        this.clock = clock.withZone(calendar.zone());
    }

    /**
     * Creates a citizen account unless the user name is taken, and answers the same either way (issue 17: sign-up
     * must not tell which names exist): every other rule is checked first, the password is hashed in both cases
     * (the same time), and a taken name creates nothing. Returns whether an account was created, for the caller's
     * log and tests only: the caller must not show it.
     */
    @Transactional
    public boolean registerCitizen(String username, String password, String fullName, String email, String phone) {
        List<FieldProblem> errors = new ArrayList<>();
        String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(u).matches()) {
            errors.add(FieldProblem.of("username", "error.username.format"));
        }
        if (password == null || password.length() < 8 || password.length() > 128) {
            errors.add(FieldProblem.of("password", "error.password.length", 8));
        }
        if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
            errors.add(FieldProblem.of("fullName", "error.required"));
        }
        checkContact(email, phone, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String hash = accounts.hash(password);
        java.util.OptionalLong id = accounts.createIfFree(u, hash, fullName.trim(), blankToNull(email),
                blankToNull(phone), "CITIZEN", Set.of(Role.CITIZEN));
        if (id.isEmpty()) {
            return false;
        }
        accounts.saveProfile(id.getAsLong(), new CitizenProfile(fullName.trim(), null, null, blankToNull(phone),
                blankToNull(email), null, null));
        return true;
    }

    @Transactional
    public CitizenProfile saveProfile(long accountId, CitizenProfile given) {
        // VNeID login (issue 14): the name, number and date of birth of a VNeID-verified account are VNeID's
        CitizenProfile p = accounts.verifiedByVneid(accountId)
                .map(v -> new CitizenProfile(v.fullName(), v.idNumber(), v.dateOfBirth() != null ? v.dateOfBirth()
                        : given.dateOfBirth(), given.phone(), given.email(), given.address(), given.communeCode()))
                .orElse(given);
        List<FieldProblem> errors = new ArrayList<>();
        if (p.fullName() == null || p.fullName().isBlank() || p.fullName().length() > 200) {
            errors.add(FieldProblem.of("fullName", "error.required"));
        }
        if (p.idNumber() != null && !p.idNumber().isBlank()) {
            PersonalIdNumber.problems(p.idNumber().trim(), p.dateOfBirth())
                    .forEach(k -> errors.add(FieldProblem.of("idNumber", k)));
        }
        if (p.dateOfBirth() != null && (p.dateOfBirth().isAfter(LocalDate.now(clock))
                || p.dateOfBirth().isBefore(LocalDate.of(1900, 1, 1)))) {
            errors.add(FieldProblem.of("dateOfBirth", "error.date.range"));
        }
        checkContact(p.email(), p.phone(), errors);
        if (p.communeCode() != null && !p.communeCode().isBlank()
                && organization.unit(p.communeCode()).filter(x -> x.level() == UnitLevel.COMMUNE).isEmpty()) {
            errors.add(FieldProblem.of("communeCode", "error.unit.notFound", p.communeCode()));
        }
        if (p.address() != null && p.address().length() > 500) {
            errors.add(FieldProblem.of("address", "error.length.max", 500));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        CitizenProfile clean = new CitizenProfile(p.fullName().trim(), blankToNull(p.idNumber()), p.dateOfBirth(),
                blankToNull(p.phone()), blankToNull(p.email()), blankToNull(p.address()), blankToNull(p.communeCode()));
        accounts.saveProfile(accountId, clean);
        return clean;
    }

    private static void checkContact(String email, String phone, List<FieldProblem> errors) {
        if (email != null && !email.isBlank() && !Contacts.email(email.trim())) {
            errors.add(FieldProblem.of("email", "error.email.format"));
        }
        if (phone != null && !phone.isBlank() && !Contacts.phone(phone.trim())) {
            errors.add(FieldProblem.of("phone", "error.phone.format"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
