package vn.motcua.organization;

import java.time.LocalDate;

/**
 * An administrative unit as it stood over a period: GSO codes are reused by units formed later (from 1 July 2025
 * "Phường Bình Phước" carries 25195, the code of "Phường Tân Phú"), so a unit in time is its code and its dates.
 *
 * @param validFrom first day in force (null: since before the records)
 * @param validTo   last day in force (null: in force today)
 */
public record UnitPeriod(String code, String name, String nameEn, String shortName, String type, UnitLevel level,
                         String parentCode, LocalDate validFrom, LocalDate validTo) {
}
