/**
 * Electronic certification of copies from originals (chứng thực bản sao điện tử từ bản chính, Decree 23/2015,
 * Decree 45/2020 Art. 3.9, DOMAIN.md §4): a citizen asks online or at the counter, the certifier compares the copy
 * with the original and enters the statement, the competent person signs (and the certification number is taken
 * from the yearly register), the agency's signature seals it, and the signed e-copy is returned and kept for
 * reuse. The request's states, its deadline (same day / 15:00, +2 working days), the fee ({@code Catalog.quote}) and
 * the register live here. See docs/CERTIFICATION.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certification")
package vn.motcua.certification;
