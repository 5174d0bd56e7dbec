/**
 * Who is who: accounts of citizens, officers and administrators, their roles and agency, login (pages)
 * and bearer tokens (API), citizen profiles, and the personal identification number rules.
 */
package vn.motcua.identity;
