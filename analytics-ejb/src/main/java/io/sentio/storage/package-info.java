/**
 * Storage: the one MongoDB client of the application and the durability of acknowledged writes.
 *
 * <p>With no {@code MONGODB_URI}, Sentio runs an embedded mongo-java-server whose H2 MVStore file lives
 * under {@code SENTIO_DATA_DIR}; the real MongoDB driver talks to it over loopback, so every query the
 * product makes is one a production MongoDB also answers. With a URI, writes use {@code w:majority, j:true}.
 *
 * <p>The embedded backend never commits the MVStore on a write (H2 flushes about once a second in the
 * background), so {@link io.sentio.storage.control.GroupCommit} makes an acknowledged write durable before
 * the caller answers: concurrent callers share one commit.
 */
package io.sentio.storage;
