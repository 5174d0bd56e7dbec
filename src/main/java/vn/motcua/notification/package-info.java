/**
 * Notifications (thông báo): e-mail (SMTP), SMS (a pluggable {@link vn.motcua.notification.SmsGateway}) and
 * in-app messages, from Vietnamese templates in {@code messages/notification*.properties}. The module listens
 * to {@code dossier.changed} outbox events and tells applicants and officers what happened; other modules
 * (e.g. the overdue watch) call {@link vn.motcua.notification.Notifier}. Every message is stored first and
 * delivered by a background task with retries. See docs/NOTIFICATIONS.md.
 */
package vn.motcua.notification;
