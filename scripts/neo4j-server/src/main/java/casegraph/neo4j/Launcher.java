package casegraph.neo4j;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;
import org.neo4j.server.configuration.ServerSettings;

/**
 * Runs a Neo4j Community server in this JVM until SIGTERM/SIGINT.
 *
 * Usage: java -cp ... casegraph.neo4j.Launcher HOME
 * Env:   NEO4J_BOLT_PORT (7687), NEO4J_HTTP_PORT (7474)
 *
 * Made for a compliance workstation: no telemetry, no usage reports, and a Browser that fetches
 * styles and guides only from this machine (127.0.0.1 and localhost, where casegraph browser --serve
 * listens) and contacts no other host.
 *
 * Layout under HOME:
 *   data/      the databases (persists across restarts)
 *   logs/      Neo4j's debug.log etc.
 *   run/RANDOM/  the harness' scratch neo4j_home; the harness deletes it on close
 *   web/       the Neo4j Browser, made offline (see offlineBrowser)
 *
 * Auth is disabled (the harness default): any credentials are accepted.
 */
public final class Launcher {
    /** scripts/neo4j waits for this line on stdout. */
    static final String READY = "CASEGRAPH_NEO4J_READY";

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Launcher HOME");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int boltPort = port("NEO4J_BOLT_PORT", 7687);
        int httpPort = port("NEO4J_HTTP_PORT", 7474);
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));

        // The harness picks a random sub-folder of run/ as neo4j_home and listens on
        // random localhost ports; we override ports, data and log folders.
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(home.resolve("run"))
                .withConfig(GraphDatabaseSettings.data_directory, home.resolve("data"))
                .withConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                // The harness defaults to an 8 MiB page cache; give it a bit more.
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .withConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", httpPort))
                // Advertised = what neo4j:// routing tables and the Browser's discovery
                // endpoint hand out; defaults to port 7687 even when listening elsewhere.
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .withConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", httpPort))
                // Shut Bolt down in ~2s instead of 2x5s (internal settings; dev server only).
                // Nothing leaves the machine: no Browser telemetry or remote content, no usage reports.
                .withConfig(ServerSettings.allow_telemetry, false)
                .withConfig(BrowserSettings.allow_outgoing_connections, false)
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                // The Browser's own bundle, less the hosts it calls before it has read the settings above.
                .withConfig(ServerSettings.web_dir_path, offlineBrowser(home))
                // :style and :play fetch only from these hosts (the default is guides.neo4j.com,localhost).
                .withConfig(ServerSettings.browser_remote_content_hostname_whitelist, "127.0.0.1,localhost")
                // The HTTP API answers cross-origin requests from the Browser's own origin only.
                .withConfig(ServerSettings.http_access_control_allow_origin, "http://127.0.0.1:" + httpPort)
                .withConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        // On SIGTERM/SIGINT: shut the DBMS down cleanly (flushes and checkpoints the
        // store), then let main() return.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutting down neo4j");
            try {
                neo4j.close();
            } finally {
                System.out.println("neo4j stopped");
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        System.out.println("bolt: " + neo4j.boltURI() + "  http: " + neo4j.httpURI());
        System.out.println(READY);
        stopped.await();
    }

    /**
     * Scripts and stylesheets of Neo4j Browser 5.24 load Segment, canny.io and Google Fonts and report
     * errors to Sentry as the page starts, before it reads client.allow_telemetry from the server; no
     * setting stops them. Written
     * once per home: a copy of the Browser artifact with those URLs made inert (data: URLs, no @import).
     */
    static final Pattern[] OUTGOING = {
        Pattern.compile("https://cdn\\.segment\\.com/analytics\\.js/v1/"),
        Pattern.compile("https://canny\\.io/sdk\\.js"),
        Pattern.compile("@import url\\(https://fonts\\.googleapis\\.com/[^)]*\\);?"),
        Pattern.compile("\"https://[0-9a-f]+@[a-z0-9.]*sentry\\.io/[0-9]+\""),  // no DSN: Sentry sends nothing
    };
    static final String[] INERT = {"data:text/javascript,//", "data:text/javascript,//", "", "\"\""};

    private static Path offlineBrowser(Path home) throws IOException {
        URL index = Launcher.class.getClassLoader().getResource("browser/index.html");
        if (index == null || !index.toString().startsWith("jar:")) {
            throw new IOException("the Neo4j Browser is not on the class path");
        }
        String spec = index.toString();
        Path jar = Path.of(URI.create(spec.substring("jar:".length(), spec.indexOf("!/"))));
        // Neo4j serves DIR/neo4j-browser.zip (its name pattern); one DIR per Browser version and rules.
        String rules = Integer.toHexString((Arrays.toString(OUTGOING) + Arrays.toString(INERT)).hashCode());
        Path web = home.resolve("web").resolve(jar.getFileName().toString().replaceFirst("\\.jar$", "-" + rules));
        Path out = web.resolve("neo4j-browser.zip");
        if (Files.exists(out)) {
            return web;
        }
        Files.createDirectories(web);
        Path partial = web.resolve(out.getFileName() + ".partial");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            // Neo4j unpacks the zip and serves its first entry, a folder: browser/, as in the artifact.
            zip.putNextEntry(new ZipEntry("browser/"));
            zip.closeEntry();
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!name.startsWith("browser/") || name.equals("browser/")) {
                    continue;
                }
                byte[] data = in.readAllBytes();
                if (name.endsWith(".js") || name.endsWith(".css")) {
                    String text = new String(data, StandardCharsets.UTF_8);
                    for (int i = 0; i < OUTGOING.length; i++) {
                        text = OUTGOING[i].matcher(text).replaceAll(INERT[i]);
                    }
                    data = text.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(data);
                zip.closeEntry();
            }
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return web;
    }

    private static int port(String env, int dflt) {
        String v = System.getenv(env);
        return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim());
    }
}
