/**
 * Citizen feedback (phản ánh, kiến nghị — PAKN, docs/FEEDBACK.md): the 1022 desk, its SLAs per category and
 * level, public answers, and the Open311 GeoReport v2 API. Owns the tables feedback, feedback_photo and
 * feedback_event. Its API: the statuses, categories and channels, and {@link vn.motcua.feedback.FeedbackFigures}
 * (the counts the reports and the 766 indicators 5.1–5.3 read).
 */
package vn.motcua.feedback;
