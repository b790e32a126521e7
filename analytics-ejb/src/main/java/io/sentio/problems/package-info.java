/**
 * Problems: the one way a business rule says no. A {@link io.sentio.problems.entity.DomainException}
 * carries its kind (invalid input, not found, conflict...) and the fields at fault; the web layer turns it
 * into an RFC 9457 problem document, so every component reports errors the same way.
 */
package io.sentio.problems;
