package vn.motcua.identity;

/**
 * A one-time code to reset an account's password was issued: the notification module sends it by e-mail and SMS
 * (never in-app: the owner cannot log in). Published synchronously inside the transaction that stores the code's
 * hash, so the message exists only if the code does.
 *
 * @param code         the six digits, in clear only here and in the message sent
 * @param validMinutes how long the code is valid
 */
public record PasswordResetRequested(long accountId, String code, int validMinutes) {

    @Override
    public String toString() {
        return "PasswordResetRequested[accountId=" + accountId + ", validMinutes=" + validMinutes + "]";
    }
}
