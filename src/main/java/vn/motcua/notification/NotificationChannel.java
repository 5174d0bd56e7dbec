package vn.motcua.notification;

/** How a notification reaches its recipient. */
public enum NotificationChannel {
    /** thư điện tử, through SMTP */
    EMAIL,
    /** tin nhắn SMS, through the {@link SmsGateway} */
    SMS,
    /** thông báo trên hệ thống: listed at /thong-bao and GET /api/v1/notifications */
    IN_APP
}
