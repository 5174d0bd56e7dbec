/**
 * The gateway SPI: one adapter per payment gateway (VNPay 2.1.0, the national payment platform v1.0.6). The payment
 * service owns the transaction and its state; an adapter only speaks its gateway's protocol: build the redirect,
 * verify and read a callback, query a transaction, ask for a refund.
 */
package vn.motcua.payment.spi;
