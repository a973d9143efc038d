package org.hygie.web.pages;

import static org.hygie.web.html.Html.esc;
import static org.hygie.web.html.Html.url;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hygie.backup.restore.RestoreListener;
import org.hygie.backup.restore.RestoreResult;
import org.hygie.backup.restore.RestoreTexts;
import org.hygie.backup.walk.SnapshotPath;
import org.hygie.repository.Repository;
import org.hygie.repository.id.Id;
import org.hygie.repository.snapshot.Snapshot;
import org.hygie.repository.tree.Node;
import org.hygie.repository.tree.NodeType;
import org.hygie.web.Jobs;
import org.hygie.web.html.Layout;
import org.hygie.web.html.Req;
import org.hygie.web.restore.RepositoryPool;
import org.hygie.web.restore.SnapshotBrowser;

/**
 * Restore: choose a medium, a snapshot, browse its folders or search a file by name, then restore a file or a
 * folder into a chosen folder (a restore that would land over the original asks for a confirmation first), or
 * download one file.
 */
public final class RestorePage {
    private final RepositoryPool pool;
    private final Jobs jobs;
    private final Path restoreHome;
    private final boolean actions;

    public RestorePage(RepositoryPool pool, Jobs jobs, Path restoreHome, boolean actions) {
        this.pool = pool;
        this.jobs = jobs;
        this.restoreHome = restoreHome;
        this.actions = actions;
    }

    private String page(Req r, String body) {
        return Layout.page(r, r.t("restore.title"), body, actions);
    }

    /** GET /restore: the media. */
    public String media(Req r) {
        List<String> names = pool.repositories().names();
        StringBuilder sb = new StringBuilder("<h1>").append(r.et("restore.title")).append("</h1>");
        if (names.isEmpty()) {
            sb.append("<p class=\"alert orange\" id=\"no-media\">").append(r.et("restore.no-media")).append("</p>");
            return page(r, sb.toString());
        }
        sb.append("<p>").append(r.et("restore.choose-medium")).append("</p><ul class=\"cards\" id=\"media\">");
        for (String n : names) {
            sb.append("<li><a href=\"/restore/").append(url(n)).append("\"><strong>").append(esc(n))
                    .append("</strong><br><span class=\"muted\">").append(esc(pool.repositories().location(n)))
                    .append("</span></a></li>");
        }
        return page(r, sb.append("</ul>").toString());
    }

    /** GET /restore/{medium}: its snapshots, newest first. */
    public String snapshots(Req r, String medium) {
        Repository repo = pool.get(medium);
        List<Repository.SnapshotEntry> snaps = SnapshotBrowser.snapshots(repo);
        StringBuilder sb = new StringBuilder("<h1>").append(r.et("restore.title")).append("</h1>");
        sb.append(crumbs(r, medium, null, null));
        if (snaps.isEmpty()) {
            sb.append("<p class=\"alert orange\">").append(r.et("restore.no-snapshots")).append("</p>");
            return page(r, sb.toString());
        }
        sb.append("<p>").append(r.et("restore.choose-snapshot")).append("</p><table id=\"snapshots\"><thead><tr><th>")
                .append(r.et("snap.time")).append("</th><th>").append(r.et("snap.host")).append("</th><th>")
                .append(r.et("snap.paths")).append("</th><th>").append(r.et("snap.tags")).append("</th><th>Id</th></tr></thead><tbody>");
        for (Repository.SnapshotEntry e : snaps) {
            Snapshot s = e.snapshot();
            sb.append("<tr><td><a href=\"/restore/").append(url(medium)).append('/').append(e.id().hex()).append("\">")
                    .append(esc(r.fmt().dateTime(s.instant().toInstant()))).append("</a></td><td>")
                    .append(esc(s.hostname())).append("</td><td>").append(esc(String.join(", ", s.paths())))
                    .append("</td><td>").append(esc(String.join(", ", s.tags()))).append("</td><td><code>")
                    .append(esc(e.id().shortHex())).append("</code></td></tr>");
        }
        return page(r, sb.append("</tbody></table>").toString());
    }

    /** GET /restore/{medium}/{snapshot}?path=...&q=...: a folder's content, or search results. */
    public String browse(Req r, String medium, String snapshot, String pathParam, String query) {
        Repository repo = pool.get(medium);
        Id root = SnapshotBrowser.root(repo, snapshot);
        String path = normal(pathParam);
        String base = "/restore/" + url(medium) + "/" + url(snapshot);
        StringBuilder sb = new StringBuilder("<h1>").append(r.et("restore.title")).append("</h1>");
        sb.append(crumbs(r, medium, repo.loadSnapshot(Id.parse(snapshot)), snapshot));
        sb.append("<form method=\"get\" action=\"").append(base).append("\" class=\"search\" role=\"search\">")
                .append("<label for=\"q\">").append(r.et("restore.search")).append("</label> ")
                .append("<input type=\"search\" id=\"q\" name=\"q\" value=\"").append(esc(query == null ? "" : query))
                .append("\"> <button type=\"submit\">").append(r.et("restore.search.go")).append("</button></form>");
        if (query != null && !query.isBlank()) {
            List<SnapshotBrowser.Hit> hits = SnapshotBrowser.search(repo, root, query);
            sb.append("<h2>").append(r.et("restore.results", query, hits.size())).append("</h2>");
            if (hits.size() >= SnapshotBrowser.MAX_HITS) {
                sb.append("<p class=\"muted\">").append(r.et("restore.results.more")).append("</p>");
            }
            sb.append("<table id=\"entries\"><tbody>");
            for (SnapshotBrowser.Hit h : hits) {
                sb.append(row(r, base, h.path(), h.node(), true));
            }
            return page(r, sb.append("</tbody></table>").toString());
        }
        sb.append(folderCrumbs(base, path));
        List<Node> nodes = SnapshotBrowser.list(repo, root, path);
        sb.append(restoreForm(r, base, path, "restore.this-folder"));
        sb.append("<table id=\"entries\"><thead><tr><th>").append(r.et("entry.name")).append("</th><th>")
                .append(r.et("entry.size")).append("</th><th>").append(r.et("entry.modified")).append("</th><th>")
                .append(r.et("entry.actions")).append("</th></tr></thead><tbody>");
        for (Node n : nodes) {
            sb.append(row(r, base, (path.equals("/") ? "" : path) + "/" + n.nameString(), n, false));
        }
        sb.append("</tbody></table>");
        return page(r, sb.toString());
    }

    private String row(Req r, String base, String p, Node n, boolean showPath) {
        StringBuilder sb = new StringBuilder("<tr data-path=\"").append(esc(p)).append("\"><td>");
        String shown = showPath ? p : n.nameString();
        if (n.type() == NodeType.DIR) {
            sb.append("<a class=\"dir\" href=\"").append(base).append("?path=").append(url(p)).append("\">")
                    .append(esc(shown)).append("/</a>");
        } else {
            sb.append("<span class=\"file\">").append(esc(shown)).append("</span>");
        }
        sb.append("</td><td>").append(n.type() == NodeType.FILE ? esc(r.fmt().bytes(n.size())) : "")
                .append("</td><td>").append(n.mtime() == null ? "" : esc(r.fmt().dateTime(n.mtime().toInstant())))
                .append("</td><td class=\"row-actions\">");
        if (n.type() == NodeType.FILE) {
            sb.append("<a class=\"download\" href=\"").append(base).append("/download?path=").append(url(p)).append("\">")
                    .append(r.et("restore.download")).append("</a> ");
        }
        if (n.type() == NodeType.FILE || n.type() == NodeType.DIR) {
            sb.append("<details class=\"restore-one\"><summary>").append(r.et("restore.restore")).append("</summary>")
                    .append(restoreForm(r, base, p, null)).append("</details>");
        }
        return sb.append("</td></tr>").toString();
    }

    /** The form restoring {@code path} into a folder to choose (a dated folder under the restore home by default). */
    private String restoreForm(Req r, String base, String path, String titleKey) {
        String target = restoreHome.resolve(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH'h'mm")
                .withZone(r.fmt().zone()).format(r.now())).toString();
        String id = "t" + Integer.toHexString(path.hashCode());
        StringBuilder sb = new StringBuilder("<form method=\"post\" action=\"").append(base)
                .append("/restore\" class=\"restore\">").append(r.csrfField())
                .append("<input type=\"hidden\" name=\"path\" value=\"").append(esc(path)).append("\">");
        if (titleKey != null) {
            sb.append("<strong>").append(r.et(titleKey, path)).append("</strong> ");
        }
        sb.append("<label for=\"").append(id).append("\">").append(r.et("restore.into")).append("</label> ")
                .append("<input type=\"text\" class=\"target\" id=\"").append(id).append("\" name=\"target\" value=\"")
                .append(esc(target)).append("\" required size=\"40\"> <button type=\"submit\">")
                .append(r.et("restore.go")).append("</button></form>");
        return sb.toString();
    }

    private String crumbs(Req r, String medium, Snapshot snap, String snapshotId) {
        StringBuilder sb = new StringBuilder("<p class=\"crumbs\"><a href=\"/restore\">").append(r.et("restore.media"))
                .append("</a> › ");
        if (snap == null) {
            sb.append(esc(medium));
        } else {
            sb.append("<a href=\"/restore/").append(url(medium)).append("\">").append(esc(medium)).append("</a> › ")
                    .append(r.et("restore.snapshot-of", r.fmt().dateTime(snap.instant().toInstant()),
                            Id.parse(snapshotId).shortHex()));
        }
        return sb.append("</p>").toString();
    }

    private static String folderCrumbs(String base, String path) {
        StringBuilder sb = new StringBuilder("<p class=\"folder\" id=\"folder\"><a href=\"").append(base)
                .append("?path=%2F\">/</a>");
        StringBuilder acc = new StringBuilder();
        for (String c : SnapshotPath.components(path)) {
            acc.append('/').append(c);
            sb.append("<a href=\"").append(base).append("?path=").append(url(acc.toString())).append("\">")
                    .append(esc(c)).append("</a>/");
        }
        return sb.append("</p>").toString();
    }

    static String normal(String path) {
        List<String> parts = SnapshotPath.components(path == null ? "/" : path);
        if (parts.contains("..")) {
            throw new IllegalArgumentException("no .. in a snapshot path");
        }
        return "/" + String.join("/", parts);
    }

    /** GET .../download?path=: one file, as an attachment. */
    public void download(Context ctx, String medium, String snapshot, String pathParam) throws Exception {
        Repository repo = pool.get(medium);
        Id root = SnapshotBrowser.root(repo, snapshot);
        String path = normal(pathParam);
        Optional<Node> n = SnapshotBrowser.node(repo, root, path);
        if (n.isEmpty() || n.get().type() != NodeType.FILE) {
            throw new IllegalArgumentException(path);
        }
        String name = n.get().nameString();
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("Content-Length", String.valueOf(n.get().size()));
        SnapshotBrowser.download(repo, n.get(), ctx.outputStream());
    }

    /**
     * POST .../restore: starts the restore in the background and sends the browser to its progress page; a restore
     * over the original place first shows a confirmation.
     */
    public void start(Context ctx, Req r, String medium, String snapshot) {
        Repository repo = pool.get(medium);
        Id root = SnapshotBrowser.root(repo, snapshot);
        String path = normal(ctx.formParam("path"));
        String targetText = ctx.formParam("target");
        if (targetText == null || targetText.isBlank()) {
            throw new IllegalArgumentException(r.t("restore.target-missing"));
        }
        Path target = Path.of(targetText.strip());
        if (!target.isAbsolute()) {
            throw new IllegalArgumentException(r.t("restore.target-relative", targetText));
        }
        boolean over = SnapshotBrowser.overOriginal(target, path);
        boolean confirmed = "yes".equals(ctx.formParam("confirm"));
        String base = "/restore/" + url(medium) + "/" + url(snapshot);
        if (over && !confirmed) {
            ctx.html(page(r, confirmation(r, base, path, target)));
            return;
        }
        Path dest = SnapshotBrowser.destination(target, path);
        String back = base + "?path=" + url(parent(path));
        Jobs.Job job = jobs.start(r.t("restore.job", dest.getFileName() == null ? path : dest.getFileName().toString()), back, j -> {
            try {
                RestoreResult res = SnapshotBrowser.restore(repo, root, path, target, over && confirmed,
                        new RestoreListener() {
                            private volatile long files;
                            private volatile long bytes;

                            @Override
                            public void planned(long f, long b) {
                                files = f;
                                bytes = b;
                            }

                            @Override
                            public void progress(long filesDone, long bytesDone) {
                                j.progress(bytes == 0 ? 1 : (double) bytesDone / bytes,
                                        r.t("restore.progress", filesDone, files, r.fmt().bytes(bytesDone),
                                                r.fmt().bytes(bytes)));
                            }
                        });
                j.line(r.t("restore.done", res.files(), res.dirs(), r.fmt().bytes(res.bytes()), dest.toString()));
                for (RestoreResult.Problem p : res.problems()) {
                    j.line(r.t("restore.problem", p.path(), RestoreTexts.reason(p, Locale.forLanguageTag(r.lang()))));
                }
                j.finish(res.complete(), res.complete() ? r.t("restore.ok", dest.toString())
                        : r.t("restore.partial", res.problems().size()));
            } catch (java.io.IOException e) {
                j.finish(false, e.getMessage());
            }
        });
        ctx.redirect("/jobs/" + job.id(), HttpStatus.SEE_OTHER);
    }

    private static String parent(String path) {
        List<String> parts = SnapshotPath.components(path);
        return parts.isEmpty() ? "/" : "/" + String.join("/", parts.subList(0, parts.size() - 1));
    }

    private String confirmation(Req r, String base, String path, Path target) {
        String dest = SnapshotBrowser.destination(target, path).toString();
        return "<h1>" + r.et("restore.confirm.title") + "</h1><p class=\"alert red\" id=\"confirm-original\">"
                + r.et("restore.confirm.text", dest) + "</p><form method=\"post\" action=\"" + base + "/restore\">"
                + r.csrfField() + "<input type=\"hidden\" name=\"path\" value=\"" + esc(path) + "\">"
                + "<input type=\"hidden\" name=\"target\" value=\"" + esc(target.toString()) + "\">"
                + "<input type=\"hidden\" name=\"confirm\" value=\"yes\">"
                + "<button type=\"submit\" class=\"danger\" id=\"confirm\">" + r.et("restore.confirm.yes") + "</button> "
                + "<a href=\"" + base + "?path=" + url(parent(path)) + "\">" + r.et("restore.confirm.no") + "</a></form>";
    }
}
