package cn.gd.xueshi.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * HTTP/1.1 requests sent byte for byte as written, for inputs no well-behaved client would send
 * (broken percent-encoding in the path or query, raw NUL bytes, odd headers).
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, String body) {
    }

    public static Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        return send(method, target, headers, body, true);
    }

    /** The body in chunks (Transfer-Encoding: chunked), with no Content-Length. */
    public static Answer sendChunked(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Transfer-Encoding", "chunked");
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunked.write(body);
        chunked.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return send(method, target, all, chunked.toByteArray(), false);
    }

    private static Answer send(String method, String target, Map<String, String> headers, byte[] body, boolean withLength)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null && withLength) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            try {
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (SocketException e) {
                // the server may answer (413) and close before it has read a body it refuses
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (SocketTimeoutException e) {
                throw new AssertionError(method + " " + target + " got no answer within 15 s");
            } catch (SocketException e) {
                // reset after the answer to a body it refused: keep what arrived
            }
            String text = all.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 ")) {
                throw new AssertionError(method + " " + target + " got no HTTP answer: " + text);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? "" : text.substring(split + 4));
        }
    }
}
