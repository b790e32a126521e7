package io.sentio.responses.boundary;

import io.sentio.responses.entity.ResponseStored;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells this node's followers of new responses (the satisfaction folder, the comment indexer) which responses
 * were just stored: a plain in-process hand-off on the submission path.
 *
 * <p>Why not a CDI event: both followers are EJB singletons (they need the timer service), so every observer
 * notification was a full EJB invocation (a session-bean proxy created, the interceptor chain run) per
 * follower per submission, on the respondent's thread. A follower here subscribes once, at its start, with
 * a consumer that must be quick and must not fail (it queues the id for its own timer).
 *
 * <p>Announcements are hints: lost on a crash and before a follower subscribed. Each follower finds what it
 * missed by itself on its first run (see {@code Satisfaction} and {@code CommentIndexer}).
 */
@ApplicationScoped
public class StoredResponses {

    private static final System.Logger LOG = System.getLogger(StoredResponses.class.getName());

    private final List<Consumer<ResponseStored>> followers = new CopyOnWriteArrayList<>();

    /** Adds a follower for every response stored from now on. */
    public void follow(Consumer<ResponseStored> follower) {
        followers.add(follower);
    }

    /**
     * Hands a durable, new response to every follower. A failing follower is logged and skipped: the answer is
     * already acknowledged-to-be, and the follower catches up by itself.
     */
    public void announce(ResponseStored stored) {
        for (Consumer<ResponseStored> follower : followers) {
            try {
                follower.accept(stored);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Follower of stored response " + stored.id() + " failed", e);
            }
        }
    }
}
