package dev.gen.netproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on the loopback interface in front of a PostgreSQL server that counts round trips (see
 * {@link FrontendMessages}) and can hold each direction's bytes for a fixed delay, as a network link would: with
 * 10 ms each way a round trip costs 20 ms more. Bytes keep flowing while earlier ones wait (a pipelined batch pays
 * the delay once), and each direction buffers at most {@link #QUEUED_CHUNKS} reads before the sender waits.
 *
 * <p>It listens on 127.0.0.1 only, on a free port, serves at most {@link #MAX_CONNECTIONS} connections at once,
 * and {@link #close()} stops it and every connection it carries.
 */
public final class LatencyProxy implements AutoCloseable {

    static final int QUEUED_CHUNKS = 256;
    static final int MAX_CONNECTIONS = 64;

    private final String targetHost;
    private final int targetPort;
    private final long delayNanos;
    private final ServerSocket server;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private LatencyProxy(String targetHost, int targetPort, Duration delayEachWay) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.delayNanos = delayEachWay.toNanos();
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), MAX_CONNECTIONS);
        this.acceptor = new Thread(this::acceptLoop, "latency-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy to {@code targetHost:targetPort} that delays each direction by {@code delayEachWay} (may be zero). */
    public static LatencyProxy start(String targetHost, int targetPort, Duration delayEachWay) {
        try {
            return new LatencyProxy(targetHost, targetPort, delayEachWay);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback interface: " + e.getMessage(), e);
        }
    }

    /** A proxy to the server of a {@code jdbc:postgresql://host[:port]/...} URL (port 5432 when it has none). */
    public static LatencyProxy inFrontOf(String jdbcUrl, Duration delayEachWay) {
        URI target = URI.create(jdbcUrl.substring("jdbc:".length()));
        return start(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort(), delayEachWay);
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * {@code jdbcUrl} with its host and port replaced by this proxy's, for a URL of the form
     * {@code jdbc:postgresql://host[:port]/database[?parameters]}.
     */
    public String jdbcUrl(String jdbcUrl) {
        String prefix = "jdbc:postgresql://";
        if (!jdbcUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + jdbcUrl);
        }
        int slash = jdbcUrl.indexOf('/', prefix.length());
        String rest = slash < 0 ? "/" : jdbcUrl.substring(slash);
        return prefix + "127.0.0.1:" + port() + rest;
    }

    /** Round trips of every connection since the start or the last {@link #reset()}. */
    public long roundTrips() {
        return links.stream().mapToLong(l -> l.messages.roundTrips()).sum();
    }

    /** Client messages by type ({@code '0'} startup, {@code '<'} SSL request, else the protocol's type byte). */
    public Map<Character, Long> messageCounts() {
        Map<Character, Long> all = new TreeMap<>();
        for (Link link : links) {
            link.messages.counts().forEach((type, n) -> all.merge(type, n, Long::sum));
        }
        return all;
    }

    /**
     * Each connection's round trips in order, for finding what costs them: what the client sent in each, such as
     * {@code Q[BEGIN]; P[SELECT ...] S} ({@code Q[sql]} a simple query, {@code P[sql]} a statement parsed before
     * the sync {@code S}; one prepared earlier is not parsed again), SQL cut to 160 bytes.
     */
    public List<List<String>> roundTripLog() {
        return links.stream().map(l -> l.messages.log()).toList();
    }

    /** Connections accepted since the start or the last {@link #reset()}. */
    public int connections() {
        return links.size();
    }

    /** Whether a connection used TLS, so that its round trips past the handshake were not counted. */
    public boolean sawEncryptedConnection() {
        return links.stream().anyMatch(l -> l.messages.encrypted());
    }

    /** Forgets the counts of finished connections and starts counting from zero. */
    public void reset() {
        links.removeIf(l -> l.closed);
        links.forEach(l -> l.messages.resetCounts());
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        links.forEach(Link::close);
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (links.stream().filter(l -> !l.closed).count() >= MAX_CONNECTIONS) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                Link link = new Link(client, upstream);
                links.add(link);
                link.start(server.getLocalPort());
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** One proxied connection: a reader and a delayed writer in each direction. */
    private final class Link {
        final Socket client;
        final Socket upstream;
        final FrontendMessages messages = new FrontendMessages();
        volatile boolean closed;
        private final List<Thread> threads = new ArrayList<>();

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start(int port) throws IOException {
            BlockingQueue<Chunk> toServer = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
            BlockingQueue<Chunk> toClient = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
            InputStream fromClient = client.getInputStream();
            InputStream fromServer = upstream.getInputStream();
            OutputStream intoServer = upstream.getOutputStream();
            OutputStream intoClient = client.getOutputStream();
            threads.add(thread("read-client-" + port, () -> read(fromClient, toServer, true)));
            threads.add(thread("write-server-" + port, () -> write(toServer, intoServer)));
            threads.add(thread("read-server-" + port, () -> read(fromServer, toClient, false)));
            threads.add(thread("write-client-" + port, () -> write(toClient, intoClient)));
            threads.forEach(Thread::start);
        }

        private Thread thread(String name, Runnable body) {
            Thread t = new Thread(body, "latency-proxy-" + name);
            t.setDaemon(true);
            return t;
        }

        private void read(InputStream in, BlockingQueue<Chunk> queue, boolean fromClient) {
            byte[] buffer = new byte[64 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (fromClient) {
                        messages.feed(buffer, 0, n);
                    } else {
                        messages.serverSpoke();
                    }
                    queue.put(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delayNanos));
                }
                queue.put(Chunk.END);
            } catch (IOException | InterruptedException e) {
                close();
            }
        }

        private void write(BlockingQueue<Chunk> queue, OutputStream out) {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk == Chunk.END) {
                        break;
                    }
                    long wait = chunk.due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    out.write(chunk.bytes);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side went away
            }
            close();
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                client.close();
            } catch (IOException e) {
                // closing anyway
            }
            try {
                upstream.close();
            } catch (IOException e) {
                // closing anyway
            }
            threads.forEach(Thread::interrupt);
        }
    }

    private record Chunk(byte[] bytes, long due) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }
}
