package vn.motcua.documents.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.motcua.documents.UploadRules;

/**
 * Gives pages the upload limit ({@code uploadMaxBytes}, {@code uploadMaxMegabytes}) for the file inputs' checks
 * before sending (attribute expressions may not call beans).
 */
@ControllerAdvice
class UploadRulesAdvice {

    private final UploadRules rules;

    UploadRulesAdvice(UploadRules rules) {
        this.rules = rules;
    }

    @ModelAttribute("uploadMaxBytes")
    long maxBytes() {
        return rules.maxBytes();
    }

    @ModelAttribute("uploadMaxMegabytes")
    long maxMegabytes() {
        return rules.maxMegabytes();
    }
}
