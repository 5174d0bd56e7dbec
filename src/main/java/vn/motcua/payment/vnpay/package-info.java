/**
 * VNPay payment gateway API 2.1.0 (DOMAIN-2.md §1b): the redirect with {@code vnp_SecureHash}, the IPN and the browser
 * return, {@code querydr} and {@code refund}; and the built-in sandbox that speaks the same protocol for the embedded
 * default.
 */
package vn.motcua.payment.vnpay;
