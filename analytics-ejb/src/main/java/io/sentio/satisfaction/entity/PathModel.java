package io.sentio.satisfaction.entity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A PLS path model: constructs with their indicator blocks and the directed inner paths.
 *
 * <p>Invariants, checked on construction (each violation raises an {@link InvalidModelException}
 * naming the offending construct, indicator or path): unique construct names, no empty block,
 * every indicator in exactly one block, paths only between declared constructs, no duplicate
 * path, and an acyclic inner model (recursive models only, as PLS path modeling requires).
 * A construct without any path is allowed; {@code PlsEstimator} then uses its own score as its
 * inner proxy.
 *
 * @param constructs the constructs in declaration order
 * @param paths      the directed paths
 */
public record PathModel(List<Construct> constructs, List<Path> paths) {

    /** Construct names of the standard ACSI model (Fornell et al. 1996). */
    public static final List<String> ACSI_CONSTRUCTS =
            List.of("expectation", "quality", "value", "satisfaction", "complaints", "loyalty");

    /** Paths of the standard ACSI model (Fornell, Johnson, Anderson, Cha & Bryant 1996, Fig. 1). */
    public static final List<Path> ACSI_PATHS = List.of(
            new Path("expectation", "quality"), new Path("expectation", "value"),
            new Path("expectation", "satisfaction"), new Path("quality", "value"),
            new Path("quality", "satisfaction"), new Path("value", "satisfaction"),
            new Path("satisfaction", "complaints"), new Path("satisfaction", "loyalty"),
            new Path("complaints", "loyalty"));

    /** Paths the ECSI model adds to ACSI for corporate image (Tenenhaus et al. 2005, Fig. 2). */
    public static final List<Path> ECSI_IMAGE_PATHS = List.of(
            new Path("image", "expectation"), new Path("image", "satisfaction"), new Path("image", "loyalty"));

    public PathModel {
        if (constructs == null || constructs.isEmpty()) {
            throw new InvalidModelException("constructs: the model has no construct");
        }
        constructs = List.copyOf(constructs);
        paths = paths == null ? List.of() : List.copyOf(paths);
        var names = new HashMap<String, Integer>();
        var blockOf = new HashMap<String, String>();
        for (Construct c : constructs) {
            if (names.put(c.name(), names.size()) != null) {
                throw new InvalidModelException("constructs: construct '" + c.name() + "' declared twice");
            }
            for (String indicator : c.indicators()) {
                String other = blockOf.put(indicator, c.name());
                if (other != null) {
                    throw new InvalidModelException("constructs." + c.name() + ": indicator '" + indicator
                            + "' already belongs to construct '" + other + "'");
                }
            }
        }
        var seen = new LinkedHashSet<Path>();
        for (Path p : paths) {
            if (!names.containsKey(p.from())) {
                throw new InvalidModelException("paths: " + p + " starts at unknown construct '" + p.from() + "'");
            }
            if (!names.containsKey(p.to())) {
                throw new InvalidModelException("paths: " + p + " ends at unknown construct '" + p.to() + "'");
            }
            if (!seen.add(p)) {
                throw new InvalidModelException("paths: " + p + " listed twice");
            }
        }
        checkAcyclic(constructs, paths);
    }

    /** The standard ACSI model with reflective blocks; {@code indicators} maps each ACSI construct to its items. */
    public static PathModel acsi(Map<String, List<String>> indicators) {
        var cs = new ArrayList<Construct>();
        for (String name : ACSI_CONSTRUCTS) {
            List<String> items = indicators.get(name);
            if (items == null) {
                throw new InvalidModelException("constructs." + name + ": no indicators given for ACSI construct");
            }
            cs.add(new Construct(name, items, Mode.A));
        }
        return new PathModel(cs, ACSI_PATHS);
    }

    private static void checkAcyclic(List<Construct> constructs, List<Path> paths) {
        var indegree = new LinkedHashMap<String, Integer>();
        constructs.forEach(c -> indegree.put(c.name(), 0));
        paths.forEach(p -> indegree.merge(p.to(), 1, Integer::sum));
        var queue = new ArrayDeque<String>();
        indegree.forEach((k, v) -> {
            if (v == 0) {
                queue.add(k);
            }
        });
        int visited = 0;
        while (!queue.isEmpty()) {
            String c = queue.poll();
            visited++;
            for (Path p : paths) {
                if (p.from().equals(c) && indegree.merge(p.to(), -1, Integer::sum) == 0) {
                    queue.add(p.to());
                }
            }
        }
        if (visited < constructs.size()) {
            String cyclic = indegree.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                    .collect(Collectors.joining(", "));
            throw new InvalidModelException("paths: the inner model has a cycle through " + cyclic
                    + " (PLS path models must be recursive)");
        }
    }

    /** Number of constructs. */
    public int size() {
        return constructs.size();
    }

    /** Position of a construct, or -1. */
    public int indexOf(String construct) {
        for (int i = 0; i < constructs.size(); i++) {
            if (constructs.get(i).name().equals(construct)) {
                return i;
            }
        }
        return -1;
    }

    /** The construct called {@code name}; unknown names are rejected. */
    public Construct construct(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new InvalidModelException("construct '" + name + "' is not in the model");
        }
        return constructs.get(i);
    }

    /** All indicators in block order. */
    public List<String> indicators() {
        var all = new ArrayList<String>();
        constructs.forEach(c -> all.addAll(c.indicators()));
        return Collections.unmodifiableList(all);
    }

    /** Names of the constructs with an arrow into {@code construct}, in path order. */
    public List<String> predecessors(String construct) {
        return paths.stream().filter(p -> p.to().equals(construct)).map(Path::from).toList();
    }

    /** Names of the constructs {@code construct} points to, in path order. */
    public List<String> successors(String construct) {
        return paths.stream().filter(p -> p.from().equals(construct)).map(Path::to).toList();
    }

    /** Constructs with at least one arrow in, in declaration order. */
    public List<String> endogenous() {
        return constructs.stream().map(Construct::name).filter(n -> !predecessors(n).isEmpty()).toList();
    }

    /**
     * The largest number of arrows pointing at one construct: inner arrows into an endogenous
     * construct, or indicator arrows into a formative block. Drives the "10 times rule"
     * (Hair et al. 2011, "PLS-SEM: indeed a silver bullet", JMTP 19:139–151).
     */
    public int maxArrowsIntoConstruct() {
        int max = 0;
        for (Construct c : constructs) {
            max = Math.max(max, predecessors(c.name()).size());
            if (c.mode() == Mode.B) {
                max = Math.max(max, c.indicators().size());
            }
        }
        return max;
    }
}
