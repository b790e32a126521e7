package io.sentio.customers.entity;

/**
 * Fired (synchronously) after a customer's data was deleted from MongoDB and the deletion is durable, also
 * when nothing was left to delete (a repeated request). Observers holding derived copies (the comment index)
 * remove theirs before returning; an observer that fails fails the erasure request, which the client
 * repeats (erasure is idempotent).
 */
public record CustomerErased(String customer) {
}
