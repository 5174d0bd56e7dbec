/**
 * The official documents the one-stop issues, as PDF: the forms of Circular 01/2018/TT-VPCP Art. 9
 * (receipt, supplement request, reception refusal, apology), the refusal after appraisal and generated result
 * documents. {@link vn.motcua.signing.OfficialDocuments} is the entry point; the layouts live in
 * {@code internal}. See docs/DOCUMENTS.md.
 */
package vn.motcua.signing;
