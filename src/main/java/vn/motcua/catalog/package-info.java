/**
 * The procedure catalogue (danh mục thủ tục hành chính): fields, levels, processing times, fees, dossier
 * components, results, online level, legal basis and the eForm (JSON Schema) of every procedure; search;
 * and which agencies may receive a procedure. Every fee comes from here.
 */
package vn.motcua.catalog;
