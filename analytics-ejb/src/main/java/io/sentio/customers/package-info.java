/**
 * Customer data beyond survey answers: profiles (descriptive), transactions (behavioural), contact-centre and
 * other interactions, and community activity. Every record carries its own id, so re-sending or re-importing a
 * record changes nothing; bulk imports of CSV and NDJSON run as jobs whose state lives in MongoDB.
 * Written ids are announced ({@code RecordsStored}) for the comment index; erasure deletes a customer with
 * everything linked to them ({@code CustomerErased}).
 */
package io.sentio.customers;
