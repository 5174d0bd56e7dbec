package vn.motcua.catalog;

import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.organization.UnitLevel;

/**
 * An administrative procedure (thủ tục hành chính) as published in the catalogue.
 *
 * @param code            local, URL-safe code (the national code when known)
 * @param processingTime  null while the statutory time is not confirmed: no applications are accepted
 * @param formSchema      the eForm (JSON Schema 2020-12) with a valid example in {@code examples[0]}
 * @param fees            the fee schedule's rows ({@link Catalog#quote} computes a dossier's fee from those that apply)
 * @param feeOptions      what the fee schedule needs besides its rows
 */
public record Procedure(String code, String nationalCode, String codeStatus, String name, String nameEn, Field field,
                        List<UnitLevel> levels, List<String> agencyPatterns, String implementingAgency,
                        ProcessingTime processingTime, String processingTimeText, List<Fee> fees,
                        List<Component> components, String result, String resultEn, OnlineLevel onlineLevel,
                        List<String> legalBasis, JsonNode formSchema, String notes, boolean essential,
                        long popularity, int version, FeeOptions feeOptions) {

    public Procedure {
        feeOptions = feeOptions == null ? FeeOptions.NONE : feeOptions;
    }

    /** A procedure whose fee schedule needs nothing besides its rows. */
    public Procedure(String code, String nationalCode, String codeStatus, String name, String nameEn, Field field,
                     List<UnitLevel> levels, List<String> agencyPatterns, String implementingAgency,
                     ProcessingTime processingTime, String processingTimeText, List<Fee> fees,
                     List<Component> components, String result, String resultEn, OnlineLevel onlineLevel,
                     List<String> legalBasis, JsonNode formSchema, String notes, boolean essential, long popularity,
                     int version) {
        this(code, nationalCode, codeStatus, name, nameEn, field, levels, agencyPatterns, implementingAgency,
                processingTime, processingTimeText, fees, components, result, resultEn, onlineLevel, legalBasis,
                formSchema, notes, essential, popularity, version, FeeOptions.NONE);
    }

    /** Applications are accepted only when the statutory processing time is known. */
    public boolean acceptsApplications() {
        return processingTime != null;
    }

    /** Citizens may apply online when an online level is offered. */
    public boolean onlineApplication() {
        return onlineLevel != null && acceptsApplications();
    }

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }

    public java.util.Optional<Component> component(String componentCode) {
        return components.stream().filter(c -> c.code().equals(componentCode)).findFirst();
    }
}
