package dev.gen.netproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The round-trip counter on hand-made protocol bytes: what counts as the client waiting, and what does not. */
class FrontendMessagesTest {

    @Test
    void aQueryAnsweredBeforeTheNextOneIsTwoRoundTrips() {
        FrontendMessages messages = started();
        feed(messages, query("SELECT 1"));
        messages.serverSpoke();
        feed(messages, query("SELECT 2"));
        assertEquals(2, messages.roundTrips(), messages.log()::toString);
    }

    @Test
    void aBatchTheServerStartsAnsweringWhileTheClientStillSendsItIsOneRoundTrip() {
        FrontendMessages messages = started();
        // BEGIN, then the first statement of the batch in the same write
        feed(messages, concat(query("BEGIN"), parse("SELECT 1")));
        messages.serverSpoke(); // BEGIN's answer, while the client goes on sending
        feed(messages, concat(parse("SELECT 2"), sync()));
        assertEquals(1, messages.roundTrips(), messages.log()::toString);
        messages.serverSpoke(); // the batch's answer: now the client waited
        feed(messages, query("SELECT 3"));
        assertEquals(2, messages.roundTrips(), messages.log()::toString);
    }

    @Test
    void theServerSpeakingInTheMiddleOfAClientMessageIsNoWait() {
        FrontendMessages messages = started();
        feed(messages, query("SELECT 1"));
        byte[] batch = concat(parse("SELECT 2"), sync());
        feed(messages, java.util.Arrays.copyOfRange(batch, 0, 7));
        messages.serverSpoke(); // answers SELECT 1 while the parse is half sent
        feed(messages, java.util.Arrays.copyOfRange(batch, 7, batch.length));
        assertEquals(1, messages.roundTrips(), messages.log()::toString);
    }

    @Test
    void aSyncInTheMiddleOfABatchThatTheClientWaitsOnIsARoundTrip() {
        // pgjdbc syncs and reads the results in the middle of a large batch so that neither side's buffer fills
        FrontendMessages messages = started();
        feed(messages, concat(parse("SELECT 1"), sync()));
        messages.serverSpoke();
        feed(messages, concat(parse("SELECT 2"), sync()));
        assertEquals(2, messages.roundTrips(), messages.log()::toString);
    }

    private static void feed(FrontendMessages messages, byte[] bytes) {
        messages.feed(bytes, 0, bytes.length);
    }

    /** A counter past the startup packet (one round trip), counts reset. */
    private static FrontendMessages started() {
        FrontendMessages messages = new FrontendMessages();
        byte[] startup = new byte[8];
        startup[3] = 8; // length 8, protocol 3.0
        startup[5] = 3;
        feed(messages, startup);
        messages.serverSpoke();
        messages.resetCounts();
        return messages;
    }

    private static byte[] query(String sql) {
        return message('Q', concat(sql.getBytes(StandardCharsets.UTF_8), new byte[1]));
    }

    private static byte[] parse(String sql) {
        // unnamed statement, the query, no parameter types
        return message('P', concat(new byte[1], sql.getBytes(StandardCharsets.UTF_8), new byte[3]));
    }

    private static byte[] sync() {
        return message('S', new byte[0]);
    }

    private static byte[] message(char type, byte[] body) {
        int length = body.length + 4;
        return concat(new byte[] {(byte) type, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length}, body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
