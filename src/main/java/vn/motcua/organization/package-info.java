/**
 * Administrative units (tỉnh / huyện / xã) and the agencies (cơ quan) that receive and decide
 * procedures, with their electronic identifiers. Read by every other module.
 */
package vn.motcua.organization;
