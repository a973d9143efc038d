package org.hygie.repository.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The nodes of one directory. restic keeps them sorted by raw name bytes, compared unsigned (Go string order,
 * which is not {@link String#compareTo}), and looks them up by binary search.
 *
 * <p>{@link #of} sorts and refuses duplicate names: use it to build trees. {@link #asRead} keeps the order found in
 * a stored tree, so that check can report an unsorted or duplicated one ({@link #isSorted}); lookups then still work.
 */
public final class Tree {
    /** Go string order of raw names. */
    public static final Comparator<Node> BY_NAME = (a, b) -> compareNames(a.nameNoCopy(), b.nameNoCopy());

    private static final Tree EMPTY = new Tree(List.of(), true);

    private final List<Node> nodes;
    private final boolean sorted;

    private Tree(List<Node> nodes, boolean sorted) {
        this.nodes = nodes;
        this.sorted = sorted;
    }

    public static Tree empty() {
        return EMPTY;
    }

    /**
     * A tree of these nodes in name order.
     *
     * @throws IllegalArgumentException if two nodes have the same name
     */
    public static Tree of(List<Node> nodes) {
        List<Node> list = new ArrayList<>(nodes);
        for (Node n : list) {
            Objects.requireNonNull(n, "node");
        }
        list.sort(BY_NAME);
        for (int i = 1; i < list.size(); i++) {
            if (compareNames(list.get(i - 1).nameNoCopy(), list.get(i).nameNoCopy()) == 0) {
                throw new IllegalArgumentException("node "
                        + new String(GoQuote.quote(list.get(i).nameNoCopy()), StandardCharsets.UTF_8)
                        + " is present twice");
            }
        }
        return new Tree(List.copyOf(list), true);
    }

    /** A tree holding the nodes in the order given, as a stored tree had them. */
    public static Tree asRead(List<Node> nodes) {
        List<Node> list = List.copyOf(nodes);
        boolean sorted = true;
        for (int i = 1; i < list.size() && sorted; i++) {
            sorted = compareNames(list.get(i - 1).nameNoCopy(), list.get(i).nameNoCopy()) < 0;
        }
        return new Tree(list, sorted);
    }

    /** Unsigned byte-wise comparison of raw names (Go's {@code <} on strings). */
    public static int compareNames(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    /** True when the names are strictly increasing (sorted, no duplicates), as restic writes them. */
    public boolean isSorted() {
        return sorted;
    }

    /** The node with this raw name (the first one, in a tree read with duplicates). */
    public Optional<Node> find(byte[] name) {
        if (sorted) {
            int lo = 0;
            int hi = nodes.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = compareNames(nodes.get(mid).nameNoCopy(), name);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    return Optional.of(nodes.get(mid));
                }
            }
            return Optional.empty();
        }
        for (Node n : nodes) {
            if (Arrays.equals(n.nameNoCopy(), name)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** The node with the UTF-8 bytes of this name. */
    public Optional<Node> find(String name) {
        return find(GoUtf8.fromJava(name));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tree t && nodes.equals(t.nodes);
    }

    @Override
    public int hashCode() {
        return nodes.hashCode();
    }

    @Override
    public String toString() {
        return "Tree<" + nodes.size() + " nodes>";
    }
}
