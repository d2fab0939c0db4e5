package health.limber;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A huge upload is refused by its declared size before any of it is read (it once exhausted the
 * memory): the server answers 413 while the client has sent only the headers.
 */
@IntegrationTest
class RequestSizeIntegrationTests {

    @LocalServerPort int port;

    /** Sends only the request line and headers of a body of {@code declaredLength} bytes; returns the reply's status line and body start. */
    String headersOnly(String method, String path, String contentType, long declaredLength) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nContent-Length: " + declaredLength
                    + "\r\nAccept: text/html\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            // the status line and headers only: the server keeps the connection open a moment for the body never sent
            StringBuilder reply = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                reply.append(line).append('\n');
            }
            return reply.toString();
        }
    }

    @Test
    void a250MegabyteLetterIsRefusedBeforeItIsRead() throws Exception {
        String reply = headersOnly("POST", "/referrals/00000000-0000-0000-0000-000000000001/attachments",
                "multipart/form-data; boundary=x", 250L * 1024 * 1024);
        assertThat(reply).startsWith("HTTP/1.1 413").containsIgnoringCase("Content-Type: text/html");
    }

    @Test
    void fiftyMegabytesFromSomeoneNotSignedInAreRefusedBeforeTheyAreRead() throws Exception {
        assertThat(headersOnly("POST", "/patients", "application/x-www-form-urlencoded", 50L * 1024 * 1024)).startsWith("HTTP/1.1 413");
        assertThat(headersOnly("POST", "/self-referral/name", "application/x-www-form-urlencoded", 5L * 1024 * 1024)).startsWith("HTTP/1.1 413");
        String api = headersOnly("POST", "/api/referrals", "application/json", 50L * 1024 * 1024);
        assertThat(api).startsWith("HTTP/1.1 413").contains("application/problem+json");
    }
}
