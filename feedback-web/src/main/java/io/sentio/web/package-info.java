/**
 * The web edge of Sentio: JAX-RS resources under {@code /api/v1} (one package per component, mirroring the
 * EJB module's components), problem documents, authentication, and the static respondent and dashboard pages.
 * Resources only translate HTTP to boundary calls and records to JSON; rules live in the EJB module.
 */
package io.sentio.web;
