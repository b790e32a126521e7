package io.sentio.deployments.entity;

import java.util.Arrays;
import java.util.Optional;

/** How respondents reach a deployment: an open anonymous link, or single-use invitation tokens. */
public enum DeploymentMode {
    ANONYMOUS("anonymous"),
    INVITATION("invitation");

    private final String wire;

    DeploymentMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<DeploymentMode> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(value)).findFirst();
    }
}
