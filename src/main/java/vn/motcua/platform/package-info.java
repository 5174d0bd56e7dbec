/**
 * The shared kernel: embedded database start-up, errors as RFC 9457 problems, the acting user, text
 * normalisation for search, JSON, and the transactional outbox every module writes events to.
 * It depends on no business module; every module may use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.motcua.platform;
