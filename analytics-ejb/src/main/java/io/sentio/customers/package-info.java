/**
 * Customer data beyond survey answers: profiles (descriptive), transactions (behavioural), contact-centre and
 * other interactions, and community activity. Every record carries its own id, so re-sending or re-importing a
 * record changes nothing; bulk imports of CSV and NDJSON run as jobs whose state lives in MongoDB.
 */
package io.sentio.customers;
