package vn.motcua.signing.internal;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.motcua.platform.ProblemException;

/** 409 {@code signing.failed} with the reason ({@code signing.reason.*}) in the caller's language. */
final class Failures {

    private Failures() {
    }

    static ProblemException failed(String reasonKey, Object... args) {
        return ProblemException.conflict("signing.failed",
                new DefaultMessageSourceResolvable(new String[] {reasonKey}, args, reasonKey));
    }
}
