package vn.motcua.identity.internal;

import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.motcua.platform.limits.LimitKind;
import vn.motcua.platform.limits.RateLimits;
import vn.motcua.platform.limits.TooManyRequests;

/**
 * Slows password guessing without a lock an attacker could cause for someone else (issue 17): wrong passwords
 * count per account <em>and</em> address ({@link LimitKind#LOGIN_FAILURE}: 5 a minute, 20 an hour, 50 a day, so the
 * waits grow) and per address over all accounts ({@link LimitKind#LOGIN_SOURCE_FAILURE}). The right password from
 * another address always gets through; a success forgets the account's failures from that address. The address
 * is the client's as the trusted proxy reports it (server.forward-headers-strategy, docs/SECURITY.md).
 */
@Component
class LoginThrottle {

    private final RateLimits limits;

    LoginThrottle(RateLimits limits) {
        this.limits = limits;
    }

    /** Refuses (429 with Retry-After) while the account from this address, or the address, must wait. */
    void check(String username, String address) throws TooManyRequests {
        limits.requireAvailable(LimitKind.LOGIN_SOURCE_FAILURE, address);
        limits.requireAvailable(LimitKind.LOGIN_FAILURE, key(username, address));
    }

    boolean blocked(String username, String address) {
        return !limits.available(LimitKind.LOGIN_SOURCE_FAILURE, address)
                || !limits.available(LimitKind.LOGIN_FAILURE, key(username, address));
    }

    void failed(String username, String address) {
        limits.record(LimitKind.LOGIN_FAILURE, key(username, address));
        limits.record(LimitKind.LOGIN_SOURCE_FAILURE, address);
    }

    void succeeded(String username, String address) {
        limits.reset(LimitKind.LOGIN_FAILURE, key(username, address));
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)) + "|" + address;
    }
}
