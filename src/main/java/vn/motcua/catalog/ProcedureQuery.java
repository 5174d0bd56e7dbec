package vn.motcua.catalog;

import vn.motcua.organization.UnitLevel;

/** A catalogue search: free text plus optional filters; all may be null. */
public record ProcedureQuery(String text, UnitLevel level, String fieldCode, String agencyCode,
                             OnlineLevel onlineLevel, int page, int size) {
}
