package io.sentio.access.entity;

import java.util.Arrays;
import java.util.Optional;

/** What a signed-in person may do. Respondents need no role: they answer through public links. */
public enum Role {
    /** Manages users, data retention, imports, deletion requests; may do everything. */
    ADMIN("admin"),
    /** Designs and deploys surveys, reviews touchpoint reports and comments. */
    CX_MANAGER("cx-manager"),
    /** Reads reports and trends. */
    EXECUTIVE("executive");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    /** The role name used in HTTP, {@code @RolesAllowed} and the store. */
    public String wire() {
        return wire;
    }

    public static Optional<Role> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(value)).findFirst();
    }
}
