package vn.motcua.platform;

/** How a dossier reached the one-stop (cách thức nộp, Decree 61/2018 Art. 16); sync code KenhThucHien. */
public enum Channel {
    /** trực tiếp tại bộ phận một cửa — KenhThucHien 1 */
    COUNTER(1),
    /** trực tuyến — KenhThucHien 2 */
    ONLINE(2),
    /** bưu chính công ích — KenhThucHien 3 */
    POSTAL(3);

    private final int nationalCode;

    Channel(int nationalCode) {
        this.nationalCode = nationalCode;
    }

    public int nationalCode() {
        return nationalCode;
    }
}
