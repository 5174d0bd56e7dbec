package vn.motcua.organization;

import java.util.regex.Pattern;

/**
 * The electronic identifier of an agency (mã định danh điện tử, Circular 10/2016/TT-BTTTT, used by Circular 01/2018
 * Art. 19 as the first part of every dossier code {@code V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX}): a 3-character first
 * segment (the province, e.g. {@code H10}) and up to three more segments of 2–3 characters, upper-case letters and
 * digits, separated by dots (DOMAIN.md §2.8, tolerant as designed). {@code H10.689.25195.MC} fails (a 5-character
 * segment), {@code H15.50.05.13} passes.
 */
public final class ElectronicId {

    public static final Pattern PATTERN = Pattern.compile("[A-Z0-9]{3}(\\.[A-Z0-9]{2,3}){0,3}");

    private ElectronicId() {
    }

    public static boolean valid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
