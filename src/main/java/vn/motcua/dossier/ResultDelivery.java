package vn.motcua.dossier;

import java.util.Objects;

/**
 * How the applicant receives the result: the eForm's choice, else by the channel of submission (an online dossier
 * online, a counter dossier at the counter).
 *
 * @param address where a postal result goes (POSTAL only), as the applicant wrote it; may be null
 */
public record ResultDelivery(Method method, String address) {

    public ResultDelivery {
        Objects.requireNonNull(method, "method");
    }

    public enum Method {
        /** the electronic result, downloaded from the dossier's page */
        ONLINE,
        /** sent by the public postal service */
        POSTAL,
        /** collected at the one-stop counter */
        DIRECT
    }
}
