package vn.motcua.calendar;

/**
 * The public holidays of the Labour Code 2019 Art. 112, grouped as the government announces their yearly
 * schedules. A configured schedule replaces the default rule of its group for one year.
 */
public enum Holiday {
    /** Tết Dương lịch: 1 January */
    NEW_YEAR,
    /** Tết Âm lịch (Tết Nguyên đán): 5 days, by default the last day of the lunar year and lunar 1/1–1/4 */
    TET,
    /** Giỗ Tổ Hùng Vương: lunar 10/3 */
    HUNG_KINGS,
    /** Ngày Chiến thắng 30/4 and Ngày Quốc tế Lao động 1/5 */
    REUNIFICATION_LABOUR,
    /** Quốc khánh: 2/9 and one adjacent day (by default 3/9) */
    NATIONAL_DAY
}
