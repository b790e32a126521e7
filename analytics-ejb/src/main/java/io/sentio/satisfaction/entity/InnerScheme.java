package io.sentio.satisfaction.entity;

/**
 * Inner weighting scheme of PLS path modeling (Lohmöller 1989, sec. 2.3; Tenenhaus et al. 2005,
 * sec. 2.2.2). For adjacent constructs j and i with score correlation r_ji:
 * <ul>
 *   <li>{@link #CENTROID}: e_ji = sign(r_ji) (Wold's original scheme);</li>
 *   <li>{@link #FACTORIAL}: e_ji = r_ji;</li>
 *   <li>{@link #PATH}: for a predecessor i of j, e_ji is the coefficient of i in the multiple
 *       regression of j on all its predecessors; for a successor i of j, e_ji = r_ji.</li>
 * </ul>
 */
public enum InnerScheme {
    PATH, CENTROID, FACTORIAL;

    /** Parses "path", "centroid" or "factorial", case-insensitively. */
    public static InnerScheme parse(String name) {
        if (name == null) {
            return PATH;
        }
        for (InnerScheme s : values()) {
            if (s.name().equalsIgnoreCase(name.strip())) {
                return s;
            }
        }
        throw new InvalidModelException("scheme: unknown inner weighting scheme '" + name
                + "' (expected path, centroid or factorial)");
    }
}
