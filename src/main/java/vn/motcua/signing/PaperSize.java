package vn.motcua.signing;

/** The paper a document is laid out for. The one-stop forms are designed for A5 and print on A4 too. */
public enum PaperSize {
    A4,
    A5
}
