package org.hygie.backup.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User and group names by id, cached as restic caches them ({@code lookupUsername}, {@code lookupGroup}): one
 * lookup per id for the life of the cache, {@code ""} when the id has no name.
 *
 * <p>The JDK offers no lookup by id, only the owner of a file, so a cache miss reads the owner and group of the
 * file at hand ({@code getpwuid}/{@code getgrgid} through NSS, as restic built with cgo does; a pure-Go restic reads
 * only {@code /etc/passwd} and {@code /etc/group}). When the JDK finds no name it shows the number itself; such a
 * name is taken as "no name" (so a user actually named like its own uid would be missed).
 */
final class OwnerNames {
    private final Map<Long, String> users = new ConcurrentHashMap<>();
    private final Map<Long, String> groups = new ConcurrentHashMap<>();

    /** The names of {@code uid} and {@code gid}, the owner ids that {@code path} was just seen with. */
    String[] lookup(Path path, long uid, long gid) throws IOException {
        String user = users.get(uid);
        String group = groups.get(gid);
        if (user == null || group == null) {
            // one lstat: the names belong to the ids read with them
            Map<String, Object> a = Files.readAttributes(path, "unix:uid,gid,owner,group", LinkOption.NOFOLLOW_LINKS);
            long seenUid = Integer.toUnsignedLong((Integer) a.get("uid"));
            long seenGid = Integer.toUnsignedLong((Integer) a.get("gid"));
            if (user == null && seenUid == uid) {
                user = nameOrEmpty(((UserPrincipal) a.get("owner")).getName(), uid);
                users.putIfAbsent(uid, user);
            }
            if (group == null && seenGid == gid) {
                group = nameOrEmpty(((GroupPrincipal) a.get("group")).getName(), gid);
                groups.putIfAbsent(gid, group);
            }
            if (user == null || group == null) {
                throw new IOException(path + " changed owner while it was read");
            }
        }
        return new String[] {user, group};
    }

    private static String nameOrEmpty(String name, long id) {
        return name.equals(Integer.toString((int) id)) ? "" : name;
    }
}
