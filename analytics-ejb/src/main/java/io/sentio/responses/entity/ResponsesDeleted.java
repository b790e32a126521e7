package io.sentio.responses.entity;

import java.util.List;

/**
 * Fired (synchronously) after responses were deleted from MongoDB and the deletion is durable, also when
 * they were already gone (a repeated request), so that observers holding derived copies (the comment
 * index) remove theirs before the deletion is acknowledged. An observer that fails fails the request,
 * which the client repeats.
 */
public record ResponsesDeleted(List<String> ids) {

    public ResponsesDeleted {
        ids = List.copyOf(ids);
    }
}
