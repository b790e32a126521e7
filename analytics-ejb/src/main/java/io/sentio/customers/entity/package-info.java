/** The four kinds of customer record and the state of an import job: immutable values checked on construction. */
package io.sentio.customers.entity;
