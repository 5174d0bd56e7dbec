package vn.motcua.catalog;

import java.util.Set;
import vn.motcua.platform.Channel;

/**
 * When a fee row applies; every null or empty part means "whatever".
 *
 * @param channels the dossier is submitted through one of these channels (ONLINE is often cheaper)
 * @param exempt   true: only for an applicant exempted by law (hộ nghèo, người có công ...); false: only otherwise
 * @param onTime   true: only when the event (birth, death) is registered within the procedure's registration days;
 *                 false: only when late
 * @param variants the applicant's case is one of these (see {@link FeeOptions#variants()})
 */
public record FeeWhen(Set<Channel> channels, Boolean exempt, Boolean onTime, Set<String> variants) {

    public static final FeeWhen ALWAYS = new FeeWhen(Set.of(), null, null, Set.of());

    public FeeWhen {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        variants = variants == null ? Set.of() : Set.copyOf(variants);
    }
}
