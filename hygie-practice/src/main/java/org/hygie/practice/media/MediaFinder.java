package org.hygie.practice.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hygie.practice.config.CredentialsFile;
import org.hygie.practice.config.Medium;
import org.hygie.practice.text.Texts;
import org.hygie.repository.Repository;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.error.Problem;
import org.hygie.repository.error.RepositoryException;

/**
 * Finds which media are here tonight. A medium is recognised by its repository id, not by where it is mounted:
 * every configured location is opened once, and the repository found there is matched to the medium expecting
 * its id — so two disks swapped at the same mount point (the same drive letter) are told apart, and a disk
 * mounted where another one is expected is still found. A location holding a repository that no medium
 * expects is refused for the medium configured there ({@link Presence#FOREIGN}); nothing is written to it.
 */
public final class MediaFinder {
    private final MediumOpener backends;
    private final Path cacheRoot;
    private final Consumer<String> cacheProblem;

    /** Repositories read straight from their store. */
    public MediaFinder(MediumOpener backends) {
        this(backends, null, why -> { });
    }

    /**
     * Repositories across a network read through a local copy of their index files, snapshots and tree packs in {@code
     * cacheRoot} ({@link Repository#cachedIn}); a copy that cannot be kept is said to {@code cacheProblem}.
     */
    public MediaFinder(MediumOpener backends, Path cacheRoot, Consumer<String> cacheProblem) {
        this.backends = backends;
        this.cacheRoot = cacheRoot;
        this.cacheProblem = cacheProblem;
    }

    /** Media found; closing it closes every opened repository. */
    public record Result(List<Found> media) implements AutoCloseable {
        public List<Found> present() {
            return media.stream().filter(Found::present).toList();
        }

        @Override
        public void close() {
            for (Found f : media) {
                if (f.repository() != null) {
                    try {
                        f.repository().close();
                    } catch (IOException e) {
                        // nothing left to do with a repository we are done with
                    }
                }
            }
        }
    }

    /** What one location holds. */
    private record Probe(String location, Presence state, Repository repo, String id, String detail,
            Texts.Phrase problem) {
        Probe(String location, Presence state, Repository repo, String id, String detail) {
            this(location, state, repo, id, detail, null);
        }
    }

    /**
     * @param media    the configured media, in order
     * @param expected the repository id each medium should have (by name), null values when not known yet
     * @param password the repositories' password
     */
    public Result find(List<Medium> media, Map<String, String> expected, byte[] password) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        for (Medium m : media) {
            probes.computeIfAbsent(m.repo(), loc -> probe(m, loc, password));
        }
        Map<String, Found> found = new LinkedHashMap<>();
        Set<String> usedLocations = new HashSet<>();
        // 1. repositories whose id a medium expects, wherever they are
        for (Probe p : probes.values()) {
            if (p.state() != Presence.PRESENT) {
                continue;
            }
            for (Medium m : media) {
                String want = expected.get(m.name());
                if (want != null && want.equals(p.id()) && !found.containsKey(m.name())) {
                    found.put(m.name(), new Found(m, Presence.PRESENT, p.location(), p.id(), want, p.repo(), false,
                            null));
                    usedLocations.add(p.location());
                    break;
                }
            }
        }
        // 2. a repository no medium expects: adopted by a medium configured there that has no id yet, else refused
        for (Probe p : probes.values()) {
            if (p.state() != Presence.PRESENT || usedLocations.contains(p.location())) {
                continue;
            }
            Medium adopter = media.stream().filter(m -> m.repo().equals(p.location()) && !found.containsKey(m.name())
                    && expected.get(m.name()) == null).findFirst().orElse(null);
            if (adopter != null) {
                found.put(adopter.name(), new Found(adopter, Presence.PRESENT, p.location(), p.id(), null, p.repo(),
                        true, null));
                usedLocations.add(p.location());
            }
        }
        List<Found> out = new ArrayList<>();
        for (Medium m : media) {
            Found f = found.get(m.name());
            if (f == null) {
                Probe p = probes.get(m.repo());
                String want = expected.get(m.name());
                Presence state = p.state();
                String detail = p.detail();
                if (state == Presence.PRESENT) {
                    // the repository at its location is another medium's (swapped disks at one mount point), or
                    // one that no medium expects
                    boolean someoneElses = usedLocations.contains(p.location());
                    state = someoneElses ? Presence.AWAY : Presence.FOREIGN;
                    detail = someoneElses ? "its location holds another medium" : "repository " + p.id()
                            + " found where " + want + " was expected";
                }
                f = new Found(m, state, m.repo(), state == Presence.FOREIGN ? p.id() : null, want, null, false, detail,
                        p.problem());
            }
            out.add(f);
        }
        // repositories opened but not used (refused) are closed now
        for (Probe p : probes.values()) {
            if (p.repo() != null && !usedLocations.contains(p.location())) {
                try {
                    p.repo().close();
                } catch (IOException e) {
                    // closing a read-only handle: nothing to do
                }
            }
        }
        return new Result(out);
    }

    private Probe probe(Medium m, String location, byte[] password) {
        if (m.local()) {
            Path dir = Path.of(location);
            if (!Files.isDirectory(dir)) {
                return new Probe(location, Presence.AWAY, null, null, "no folder " + location);
            }
            if (!Files.exists(dir.resolve("config"))) {
                return new Probe(location, Presence.NOT_INITIALISED, null, null, "no repository in " + location);
            }
        }
        Backend backend;
        try {
            backend = backends.open(m);
        } catch (CredentialsFile.Refused e) {
            // refused before anything is asked of the store: that medium only, with the sentence saying the fix
            return new Probe(location, Presence.CREDENTIALS, null, null, e.getMessage(), e.phrase());
        } catch (RepositoryException | IllegalArgumentException e) {
            return new Probe(location, Presence.UNREACHABLE, null, null, e.getMessage());
        }
        try {
            Repository opened = Repository.open(backend, password);
            Repository r = cacheRoot == null ? opened : opened.cachedIn(cacheRoot, cacheProblem);
            return new Probe(location, Presence.PRESENT, r, r.config().id(), null);
        } catch (RepositoryException e) {
            closeQuietly(backend);
            Presence state = switch (e.problem()) {
                case WRONG_PASSWORD -> Presence.WRONG_PASSWORD;
                case NO_REPOSITORY -> m.local() ? Presence.AWAY : Presence.NOT_INITIALISED;
                default -> Presence.UNREACHABLE;
            };
            if (e.problem() == Problem.NO_REPOSITORY && m.local() && Files.isDirectory(Path.of(location))) {
                state = Presence.NOT_INITIALISED;
            }
            return new Probe(location, state, null, null, e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(backend);
            return new Probe(location, Presence.UNREACHABLE, null, null, String.valueOf(e.getMessage()));
        }
    }

    private static void closeQuietly(Backend b) {
        try {
            b.close();
        } catch (IOException e) {
            // already failing
        }
    }
}
