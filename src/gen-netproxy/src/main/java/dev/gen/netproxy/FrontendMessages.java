package dev.gen.netproxy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the client-to-server half of one PostgreSQL connection as it passes, counts its messages by type, and
 * counts round trips: the times the client had to wait for the server.
 *
 * <p>A message that makes the client wait is the startup packet (and an SSL or GSS request before it), a password
 * or SASL answer ({@code p}), a simple query ({@code Q}), a sync ({@code S}, the end of an extended-protocol batch)
 * or a function call ({@code F}). Such messages sent one after another without the server answering in between
 * are one round trip: the driver pipelines them (pgjdbc sends {@code BEGIN} as a simple query right before the
 * first statement of a transaction, and a batch's statements before one sync). So a round trip is counted when the
 * client sends such a message after the server spoke since the client's previous one.
 *
 * <p>Only while the client can be waiting does the server's speaking count: when the last thing the client sent is
 * a whole message it can wait on (one of those above, or a flush {@code H}, a copy's end {@code c} or failure
 * {@code f}). The server answers a pipelined batch's first messages while the client is still sending the rest (the
 * {@code BEGIN} before a large batch, or results once the server's output buffer fills before the sync arrives);
 * counting those made one wait two, depending on how the two threads happened to run (issue 14: 6 round trips
 * instead of 5 for a cold {@code --check} at N = 5000, now and then). The proxy feeds the client's bytes here before
 * forwarding them, so the server never answers bytes this counter has not seen.
 *
 * <p>One instance per connection: fed by the thread that reads the client, told by the one that reads the server.
 */
final class FrontendMessages {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;
    private static final int LOGGED_BYTES = 160;

    private final Map<Character, Long> counts = new TreeMap<>();
    private final byte[] header = new byte[8];
    private int headerFill;
    private long bodyLeft;
    private boolean startupPhase = true;
    private boolean encrypted;
    private boolean serverSpoke = true;
    /** Whether the client's last whole message is one it can wait on, with nothing of another after it. */
    private boolean clientMayWait = true;
    private long roundTrips;
    /** One entry per round trip: what the client sent in it. */
    private final List<StringBuilder> log = new ArrayList<>();
    /** Statements parsed since the last message that waits, logged with it. */
    private final StringBuilder parsed = new StringBuilder();
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private char capturing;

    /** Consumes the bytes the client sent next. */
    synchronized void feed(byte[] buffer, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && !encrypted) {
            if (bodyLeft > 0) {
                int take = (int) Math.min(bodyLeft, end - i);
                if (capturing != 0) {
                    text.write(buffer, i, Math.min(take, Math.max(0, LOGGED_BYTES - text.size())));
                }
                bodyLeft -= take;
                i += take;
                if (bodyLeft == 0) {
                    endOfBody();
                }
                continue;
            }
            if (startupPhase && headerFill == 0 && buffer[i] == 0x16) {
                // A TLS handshake record after an accepted SSL request: nothing more can be read.
                encrypted = true;
                return;
            }
            int headerSize = startupPhase ? 8 : 5;
            header[headerFill++] = buffer[i++];
            if (headerFill < headerSize) {
                continue;
            }
            headerFill = 0;
            if (startupPhase) {
                startupPacket(readInt(0), readInt(4));
            } else {
                message((char) (header[0] & 0xFF), readInt(1));
            }
        }
    }

    /**
     * The server sent something: if the client can be waiting (see above), its next waiting message starts a new
     * round trip; while the client is in the middle of sending a batch, it is not waiting.
     */
    synchronized void serverSpoke() {
        if (clientMayWait && headerFill == 0 && bodyLeft == 0) {
            serverSpoke = true;
        }
    }

    private void startupPacket(int length, int code) {
        bodyLeft = Math.max(0, length - 8);
        clientMayWait = true; // every startup-phase packet is answered
        if (code == SSL_REQUEST || code == GSS_REQUEST) {
            count('<'); // the server answers one byte; another startup packet follows
            waits(code == SSL_REQUEST ? "SSL request" : "GSS request");
        } else {
            count(code == CANCEL_REQUEST ? '!' : '0');
            waits(code == CANCEL_REQUEST ? "cancel" : "startup");
            startupPhase = false;
        }
    }

    private void message(char type, int length) {
        bodyLeft = Math.max(0, length - 4);
        count(type);
        clientMayWait = "QSFpHcf".indexOf(type) >= 0;
        capturing = type == 'Q' || type == 'P' ? type : 0;
        text.reset();
        if (type == 'S' || type == 'F' || type == 'p') {
            waits(String.valueOf(type));
        }
        if (bodyLeft == 0) {
            endOfBody();
        }
    }

    /** A message the client waits on; a query's is logged once its text is read. */
    private void waits(String what) {
        if (serverSpoke) {
            roundTrips++;
            log.add(new StringBuilder());
            serverSpoke = false;
        }
        if (log.isEmpty()) {
            log.add(new StringBuilder()); // counts were reset in the middle of a round trip
        }
        StringBuilder entry = log.get(log.size() - 1);
        entry.append(entry.length() == 0 ? "" : "; ").append(parsed).append(parsed.length() == 0 ? "" : " ")
                .append(what);
        parsed.setLength(0);
    }

    /** The statement text of a simple query or a parse message, as far as it was kept. */
    private void endOfBody() {
        if (capturing == 0) {
            return;
        }
        byte[] bytes = text.toByteArray();
        int from = 0;
        if (capturing == 'P') {
            // Parse: the statement's name, then the query, each ending in a zero byte.
            while (from < bytes.length && bytes[from] != 0) {
                from++;
            }
            from++;
        }
        int to = from;
        while (to < bytes.length && bytes[to] != 0) {
            to++;
        }
        String sql = from < bytes.length
                ? new String(bytes, from, to - from, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim()
                : "";
        char type = capturing;
        capturing = 0;
        if (type == 'Q') {
            waits("Q[" + sql + "]");
        } else {
            parsed.append(parsed.length() == 0 ? "" : " ").append("P[").append(sql).append(']');
        }
    }

    synchronized List<String> log() {
        return log.stream().map(StringBuilder::toString).toList();
    }

    synchronized long roundTrips() {
        return roundTrips;
    }

    /** Whether TLS hid the rest of the connection from the counter. */
    synchronized boolean encrypted() {
        return encrypted;
    }

    synchronized Map<Character, Long> counts() {
        return Map.copyOf(counts);
    }

    /** Counts from zero again, keeping the place in the stream. */
    synchronized void resetCounts() {
        counts.clear();
        log.clear();
        roundTrips = 0;
    }

    private void count(char type) {
        counts.merge(type, 1L, Long::sum);
    }

    private int readInt(int at) {
        return ((header[at] & 0xFF) << 24) | ((header[at + 1] & 0xFF) << 16) | ((header[at + 2] & 0xFF) << 8)
                | (header[at + 3] & 0xFF);
    }
}
