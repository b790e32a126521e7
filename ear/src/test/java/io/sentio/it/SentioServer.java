package io.sentio.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Sentio server started from the provisioned WildFly (ear/target/server) the way {@code ./sentio run}
 * starts it, with its own ports, data directory and server base directory, so that several can run side by
 * side and one can be killed (-9) and restarted on the same data.
 */
final class SentioServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "it-admin-password-0123";

    private final Path home = Path.of(System.getProperty("sentio.server.home", "target/server"));
    private final Path work;
    private final int httpPort;
    private final int managementPort;
    private final Path dataDir;
    private Process process;

    /** A server on free ports chosen now, so test runs on one machine never collide. */
    SentioServer(String name) {
        this.work = Path.of(System.getProperty("sentio.it.work", "target/it-work")).resolve(name);
        this.httpPort = freePort();
        this.managementPort = freePort();
        this.dataDir = work.resolve("data");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    /** Starts on a fresh data directory. */
    SentioServer startFresh() {
        deleteTree(work);
        return start();
    }

    /** Starts on whatever data directory is there (after a crash, say) and waits until healthy. */
    SentioServer start() {
        Path base = work.resolve("standalone");
        try {
            if (!Files.exists(base)) {
                copyTree(home.resolve("standalone"), base);
            }
            Files.createDirectories(dataDir);
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                    "-Djboss.server.base.dir=" + base.toAbsolutePath())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("console.log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("SENTIO_HTTP_PORT", Integer.toString(httpPort));
            env.put("SENTIO_MANAGEMENT_PORT", Integer.toString(managementPort));
            env.put("SENTIO_DATA_DIR", dataDir.toAbsolutePath().toString());
            env.put("SENTIO_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("SENTIO_HEAP", "768m");
            env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
            env.put("JBOSS_PIDFILE", work.resolve("server.pid").toAbsolutePath().toString());
            env.remove("MONGODB_URI");
            env.put("JAVA_HOME", System.getProperty("java.home"));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(Duration.ofMinutes(3));
        return this;
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited during start; see " + work.resolve("console.log"));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(base().resolve("api/v1/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("server not healthy within " + timeout + "; see " + work.resolve("console.log"));
    }

    /** kill -9 of the server JVM: no shutdown hook, no flush. */
    void crash() {
        javaProcess().ifPresent(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
            javaProcess().ifPresent(p -> p.onExit().join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<ProcessHandle> javaProcess() {
        try {
            Path pidFile = work.resolve("server.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        Optional<ProcessHandle> jvm = javaProcess();
        process.destroy();
        jvm.ifPresent(ProcessHandle::destroy);
        try {
            jvm.ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
        } catch (RuntimeException e) {
            jvm.ifPresent(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly();
    }

    /** Sleeps; an interrupt fails the test that waits. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
