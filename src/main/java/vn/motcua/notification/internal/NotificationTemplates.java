package vn.motcua.notification.internal;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.Organization;

/**
 * Renders a template of {@code messages/notification*.properties} ({@code notification.<KEY>.subject},
 * {@code .email}, {@code .sms}) with the numbered arguments listed on {@link vn.motcua.notification.Notifier}.
 */
@Component
public class NotificationTemplates {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<]+");
    private static final Pattern TRAILING_STOP = Pattern.compile("[\\s.;,]+$");
    private static final int REASON = 3;

    private final MessageSource messages;
    private final ObjectProvider<WorkingCalendar> calendar;
    private final Organization organization;
    private final NotificationProperties properties;
    private final String baseUrl;
    /** The province's time zone (the calendar's). */
    private final ZoneId zone;

    public NotificationTemplates(MessageSource messages, ObjectProvider<WorkingCalendar> calendar,
                                 Organization organization, NotificationProperties properties,
                                 @Value("${motcua.public-base-url:http://localhost:8080}") String baseUrl,
                                 ZoneId zone) {
        this.zone = zone;
        this.messages = messages;
        this.calendar = calendar;
        this.organization = organization;
        this.properties = properties;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * One rendered message.
     *
     * @param subject  e-mail subject and in-app title
     * @param text     plain-text e-mail body (greeting, message, footer)
     * @param html     the same as simple HTML
     * @param sms      SMS text, within the length limit, diacritics stripped if configured
     * @param inApp    the short text shown in the application (the SMS text with its diacritics)
     */
    public record Rendered(String subject, String text, String html, String sms, String inApp) {
    }

    /** Whether a template exists (it has a subject). */
    public boolean exists(String key) {
        return find("notification." + key + ".subject", new Object[0], properties.locale()) != null;
    }

    /**
     * @param defaultName the recipient's name when {@code params} has no {@code name}
     * @throws IllegalArgumentException for an unknown template
     */
    public Rendered render(String key, Map<String, Object> params, String dossierCode, String defaultName) {
        Locale locale = properties.locale();
        Object[] args = args(params == null ? Map.of() : params, dossierCode, defaultName, locale);
        String subject = find("notification." + key + ".subject", args, locale);
        if (subject == null) {
            throw new IllegalArgumentException("Unknown notification template " + key
                    + ": no notification." + key + ".subject in messages/notification*.properties");
        }
        String shortText = SmsText.clean(required("notification." + key + ".sms", args, locale));
        String body = find("notification." + key + ".email", args, locale);
        String text = required("notification.email.greeting", args, locale) + "\n\n"
                + (body == null ? shortText : body.strip()) + "\n\n"
                + required("notification.email.footer", args, locale);
        return new Rendered(subject.strip(), text, html(subject.strip(), text, locale), sms(key, args, locale),
                shortText);
    }

    /** The SMS text: a long reason is shortened first so that the code and the link survive, then the whole. */
    private String sms(String key, Object[] args, Locale locale) {
        int max = properties.sms().maxLength();
        boolean ascii = properties.sms().stripDiacritics();
        String text = prepare(required("notification." + key + ".sms", args, locale), ascii);
        String reason = (String) args[REASON];
        if (text.length() > max && !reason.isEmpty()) {
            int keep = reason.length() - (text.length() - max) - 1;
            if (keep > 10) {
                Object[] shorter = args.clone();
                shorter[REASON] = SmsText.cut(SmsText.clean(reason), keep, ascii);
                text = prepare(required("notification." + key + ".sms", shorter, locale), ascii);
            }
        }
        return SmsText.cut(text, max, ascii);
    }

    private static String prepare(String text, boolean ascii) {
        String clean = SmsText.clean(text);
        return ascii ? SmsText.stripDiacritics(clean) : clean;
    }

    private Object[] args(Map<String, Object> p, String dossierCode, String defaultName, Locale locale) {
        String code = or(str(p.get("code")), or(dossierCode, ""));
        String link = code.isEmpty() ? baseUrl + "/tra-cuu"
                : baseUrl + "/tra-cuu?ma=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        String due = moment(p.get("dueAt"), locale);
        String name = or(str(p.get("name")), or(defaultName, required("notification.recipient.default",
                new Object[0], locale)));
        return new Object[] {
            code,
            or(str(p.get("procedureName")), ""),
            due == null ? required("notification.due.none", new Object[0], locale) : due,
            reason(str(p.get("reason"))),
            link,
            agencyName(str(p.get("agencyName")), str(p.get("agencyCode")), locale),
            or(moment(p.get("originalDueAt"), locale), ""),
            name,
            amount(p.get("amount"), locale),
            or(str(p.get("detail")), "")
        };
    }

    /** The templates put their own full stop after the reason. */
    private static String reason(String reason) {
        return reason == null ? "" : TRAILING_STOP.matcher(reason).replaceAll("");
    }

    private String agencyName(String name, String code, Locale locale) {
        if (name != null) {
            return name;
        }
        if (code == null) {
            return "";
        }
        return organization.agency(code)
                .map(a -> "en".equals(locale.getLanguage()) && a.nameEn() != null ? a.nameEn() : a.name())
                .orElse(code);
    }

    private String amount(Object value, Locale locale) {
        BigDecimal n = switch (value) {
            case null -> null;
            case Number num -> new BigDecimal(num.toString());
            default -> {
                try {
                    yield new BigDecimal(value.toString().trim());
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
        if (n == null) {
            return required("notification.amount.unknown", new Object[0], locale);
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(0);
        return required("notification.amount", new Object[] {format.format(n)}, locale);
    }

    /** "10:00 thứ Ba 06/05/2031", from the working calendar when present. */
    String moment(Object value, Locale locale) {
        OffsetDateTime t = switch (value) {
            case null -> null;
            case OffsetDateTime o -> o;
            case ZonedDateTime z -> z.toOffsetDateTime();
            case Instant i -> i.atZone(zone).toOffsetDateTime();
            default -> {
                try {
                    yield OffsetDateTime.parse(value.toString().trim());
                } catch (DateTimeParseException e) {
                    yield null;
                }
            }
        };
        if (t == null) {
            return null;
        }
        WorkingCalendar cal = calendar.getIfAvailable();
        if (cal != null) {
            return cal.describe(t, locale);
        }
        ZonedDateTime local = t.atZoneSameInstant(zone);
        return TIME.format(local) + " "
                + required("notification.weekday." + local.getDayOfWeek().getValue(), new Object[0], locale) + " "
                + DATE.format(local);
    }

    /** A short HTML version of the plain text: paragraphs, line breaks and links. */
    static String html(String subject, String text, Locale locale) {
        StringBuilder b = new StringBuilder(text.length() * 2);
        b.append("<!DOCTYPE html>\n<html lang=\"").append("en".equals(locale.getLanguage()) ? "en" : "vi")
                .append("\"><head><meta charset=\"utf-8\"><title>").append(HtmlUtils.htmlEscape(subject))
                .append("</title></head>\n<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 15px;"
                        + " line-height: 1.5; color: #1b1b1b\">\n");
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String escaped = HtmlUtils.htmlEscape(paragraph.strip(), "UTF-8").replace("\n", "<br>\n");
            Matcher m = URL.matcher(escaped);
            b.append("<p>").append(m.replaceAll(r -> "<a href=\"" + Matcher.quoteReplacement(r.group())
                    + "\">" + Matcher.quoteReplacement(r.group()) + "</a>")).append("</p>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private String find(String key, Object[] args, Locale locale) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    private String required(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, locale);
    }

    static String str(Object o) {
        if (o == null) {
            return null;
        }
        String s = o.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
