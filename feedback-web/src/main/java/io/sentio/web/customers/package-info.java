/** HTTP for customer records (profiles, transactions, interactions, community activity) and bulk import jobs. */
package io.sentio.web.customers;
