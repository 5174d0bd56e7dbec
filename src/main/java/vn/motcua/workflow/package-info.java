/**
 * Electronic processes (quy trình điện tử): the ordered steps of a procedure at an agency, who acts at each
 * and its share of the legal time, versioned; the steps of each dossier with their deadlines; consultations
 * of other agencies. The default process when none is configured: specialist "Thụ lý, thẩm định", then
 * leader "Phê duyệt, ký" (reception receives before and returns the result after, as statuses).
 */
package vn.motcua.workflow;
