package org.hygie.practice.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.NativeLibraryNotFoundException;

/**
 * The practice's journal: every step of every duty, drill and set-up, in a SQLite file readable only by its
 * owner (0600). Times come from the injected {@link Clock}, so a test sets the date. One writer at a time is
 * enough (the duty holds its own lock); readers ({@code status}) may read while it writes (WAL).
 */
public final class Journal implements AutoCloseable {
    public static final String FILE_NAME = "journal.db";
    private static final int SCHEMA = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection db;
    private final Clock clock;
    private final Path file;

    private Journal(Connection db, Clock clock, Path file) {
        this.db = db;
        this.clock = clock;
        this.file = file;
    }

    /** Opens (creating if needed) the journal in {@code dir}. */
    public static Journal open(Path dir, Clock clock) {
        Path file = dir.resolve(FILE_NAME);
        try {
            createPrivate(dir, file);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
                        + " started INTEGER NOT NULL, finished INTEGER, outcome TEXT, host TEXT)");
                s.execute("CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY AUTOINCREMENT, run INTEGER NOT NULL,"
                        + " at INTEGER NOT NULL, step TEXT NOT NULL, medium TEXT, outcome TEXT NOT NULL,"
                        + " summary TEXT NOT NULL, data TEXT NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS events_step ON events(step, medium, at)");
                s.execute("CREATE TABLE IF NOT EXISTS media(name TEXT PRIMARY KEY, repository_id TEXT, location TEXT,"
                        + " present INTEGER NOT NULL, present_since INTEGER, away_since INTEGER, last_seen INTEGER)");
                s.execute("CREATE TABLE IF NOT EXISTS verify_cycles(medium TEXT PRIMARY KEY, started INTEGER NOT NULL,"
                        + " groups INTEGER NOT NULL, next INTEGER NOT NULL)");
                s.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '" + SCHEMA + "')");
            }
            return new Journal(c, clock, file);
        } catch (SQLException e) {
            Throwable missing = nativeCodeFailure(e);
            if (missing != null) {
                throw new JournalException("SQLite's native code could not be loaded: " + missing.getMessage(), e,
                        true);
            }
            throw new JournalException("cannot open the journal " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new JournalException("cannot create the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** sqlite-jdbc's own "no native library" failure, or the JVM's, among the causes of {@code e}; else null. */
    static Throwable nativeCodeFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof NativeLibraryNotFoundException || c instanceof LinkageError) {
                return c;
            }
        }
        return null;
    }

    private static void createPrivate(Path dir, Path file) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------")));
            } catch (FileAlreadyExistsException e) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    public Path file() {
        return file;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- runs

    public synchronized long startRun(String kind, String host) {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO runs(kind, started, host) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, kind);
            p.setLong(2, now().toEpochMilli());
            p.setString(3, host);
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    public synchronized void finishRun(long run, Outcome outcome) {
        update("UPDATE runs SET finished = ?, outcome = ? WHERE id = ?", now().toEpochMilli(), outcome.code(), run);
    }

    /** The latest run of {@code kind} (any kind when null), finished or not. */
    public synchronized Optional<Run> lastRun(String kind) {
        String sql = "SELECT * FROM runs" + (kind == null ? "" : " WHERE kind = ?") + " ORDER BY started DESC, id DESC"
                + " LIMIT 1";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            if (kind != null) {
                p.setString(1, kind);
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(run(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    public synchronized List<Run> runs(int limit) {
        List<Run> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM runs ORDER BY started DESC, id DESC LIMIT ?")) {
            p.setInt(1, limit);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(run(r));
                }
            }
        } catch (SQLException e) {
            throw fail(e);
        }
        return out;
    }

    private static Run run(ResultSet r) throws SQLException {
        long fin = r.getLong("finished");
        boolean finished = !r.wasNull();
        String outcome = r.getString("outcome");
        return new Run(r.getLong("id"), r.getString("kind"), Instant.ofEpochMilli(r.getLong("started")),
                finished ? Instant.ofEpochMilli(fin) : null, outcome == null ? null : Outcome.of(outcome),
                r.getString("host"));
    }

    // ---- events

    /** Records one event; {@code data} may be null. Returns it as stored. */
    public synchronized Event record(long run, String step, String medium, Outcome outcome, String summary,
            JsonNode data) {
        JsonNode d = data == null ? JSON.createObjectNode() : data;
        Instant at = now();
        try (PreparedStatement p = db.prepareStatement("INSERT INTO events(run, at, step, medium, outcome, summary, data)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setLong(1, run);
            p.setLong(2, at.toEpochMilli());
            p.setString(3, step);
            if (medium == null) {
                p.setNull(4, Types.VARCHAR);
            } else {
                p.setString(4, medium);
            }
            p.setString(5, outcome.code());
            p.setString(6, summary);
            p.setString(7, JSON.writeValueAsString(d));
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return new Event(k.getLong(1), run, at, step, medium, outcome, summary, d);
            }
        } catch (SQLException e) {
            throw fail(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The latest event of {@code step} for {@code medium} (any medium when null) with one of {@code outcomes}. */
    public synchronized Optional<Event> last(String step, String medium, Outcome... outcomes) {
        StringBuilder sql = new StringBuilder("SELECT * FROM events WHERE step = ?");
        if (medium != null) {
            sql.append(" AND medium = ?");
        }
        if (outcomes.length > 0) {
            sql.append(" AND outcome IN (").append("?,".repeat(outcomes.length - 1)).append("?)");
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT 1");
        try (PreparedStatement p = db.prepareStatement(sql.toString())) {
            int i = 1;
            p.setString(i++, step);
            if (medium != null) {
                p.setString(i++, medium);
            }
            for (Outcome o : outcomes) {
                p.setString(i++, o.code());
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(event(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /** Every event of one run, in order. */
    public synchronized List<Event> events(long run) {
        return query("SELECT * FROM events WHERE run = ? ORDER BY id", run);
    }

    /** Events of {@code step} (any step when null), newest first. */
    public synchronized List<Event> recent(String step, int limit) {
        return step == null ? query("SELECT * FROM events ORDER BY at DESC, id DESC LIMIT ?", limit)
                : query("SELECT * FROM events WHERE step = ? ORDER BY at DESC, id DESC LIMIT ?", step, limit);
    }

    /** Events of {@code step} (any step when null) at or after {@code from} and before {@code to}, oldest first. */
    public synchronized List<Event> between(Instant from, Instant to, String step) {
        return step == null
                ? query("SELECT * FROM events WHERE at >= ? AND at < ? ORDER BY at, id", from.toEpochMilli(),
                        to.toEpochMilli())
                : query("SELECT * FROM events WHERE step = ? AND at >= ? AND at < ? ORDER BY at, id", step,
                        from.toEpochMilli(), to.toEpochMilli());
    }

    /** Runs of {@code kind} started at or after {@code from} and before {@code to}, oldest first. */
    public synchronized List<Run> runs(String kind, Instant from, Instant to) {
        List<Run> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM runs WHERE kind = ? AND started >= ?"
                + " AND started < ? ORDER BY started, id")) {
            p.setString(1, kind);
            p.setLong(2, from.toEpochMilli());
            p.setLong(3, to.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(run(r));
                }
            }
        } catch (SQLException e) {
            throw fail(e);
        }
        return out;
    }

    private List<Event> query(String sql, Object... args) {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(event(r));
                }
            }
        } catch (SQLException e) {
            throw fail(e);
        }
        return out;
    }

    private static Event event(ResultSet r) throws SQLException {
        JsonNode data;
        try {
            data = JSON.readTree(r.getString("data"));
        } catch (IOException e) {
            data = JSON.createObjectNode().put("unreadable", r.getString("data"));
        }
        return new Event(r.getLong("id"), r.getLong("run"), Instant.ofEpochMilli(r.getLong("at")),
                r.getString("step"), r.getString("medium"), Outcome.of(r.getString("outcome")), r.getString("summary"),
                data);
    }

    // ---- media whereabouts

    public synchronized MediumState medium(String name) {
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM media WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return MediumState.unknown(name);
                }
                return new MediumState(name, r.getString("repository_id"), r.getString("location"),
                        r.getInt("present") != 0, instant(r, "present_since"), instant(r, "away_since"),
                        instant(r, "last_seen"));
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    public synchronized void saveMedium(MediumState m) {
        update("INSERT OR REPLACE INTO media(name, repository_id, location, present, present_since, away_since,"
                + " last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)", m.name(), m.repositoryId(), m.location(),
                m.present() ? 1 : 0, millis(m.presentSince()), millis(m.awaySince()), millis(m.lastSeen()));
    }

    // ---- verification cycles

    public synchronized Optional<VerifyCycle> cycle(String medium) {
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM verify_cycles WHERE medium = ?")) {
            p.setString(1, medium);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new VerifyCycle(medium, Instant.ofEpochMilli(r.getLong("started")),
                        r.getInt("groups"), r.getInt("next")));
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    public synchronized void saveCycle(VerifyCycle c) {
        update("INSERT OR REPLACE INTO verify_cycles(medium, started, groups, next) VALUES (?, ?, ?, ?)", c.medium(),
                c.started().toEpochMilli(), c.groups(), c.next());
    }

    // ---- helpers

    private static Instant instant(ResultSet r, String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    p.setNull(i + 1, Types.NULL);
                } else {
                    p.setObject(i + 1, args[i]);
                }
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    private JournalException fail(SQLException e) {
        return new JournalException("journal " + file + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw fail(e);
        }
    }
}
