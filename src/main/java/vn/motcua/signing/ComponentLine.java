package vn.motcua.signing;

import java.util.Objects;

/**
 * One document received with a dossier (thành phần hồ sơ), as listed on the receipt.
 *
 * @param name      the document's name, e.g. "Tờ khai đăng ký khai sinh"
 * @param originals number of originals received (bản chính)
 * @param copies    number of copies received (bản sao)
 */
public record ComponentLine(String name, int originals, int copies) {

    public ComponentLine {
        Objects.requireNonNull(name, "name");
        if (originals < 0 || copies < 0) {
            throw new IllegalArgumentException("originals and copies must not be negative");
        }
    }
}
