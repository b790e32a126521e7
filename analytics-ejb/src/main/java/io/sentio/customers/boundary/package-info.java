/** Storing and reading customer records one at a time, and asynchronous bulk import jobs. */
package io.sentio.customers.boundary;
