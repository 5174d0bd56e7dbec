package vn.motcua.integration.population;

import java.time.LocalDate;

/**
 * A person as the national population database answers (DOMAIN-2.md §6.3 names: HoVaTen, NgayThangNamSinh, GioiTinh,
 * ThuongTru, NoiOHienNay).
 */
public record RegistryPerson(String idNumber, String fullName, LocalDate dateOfBirth, String gender,
                             String permanentAddress, String currentAddress) {
}
