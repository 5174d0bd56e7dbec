package vn.motcua.identity;

import java.time.LocalDate;

/** What a citizen fills in once (hồ sơ cá nhân) and every form is pre-filled from. */
public record CitizenProfile(String fullName, String idNumber, LocalDate dateOfBirth, String phone, String email,
                             String address, String communeCode) {
}
