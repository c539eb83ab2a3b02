package dev.muster.worker.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int failuresBeforeSuccess;
    private volatile int failureStatus = 503;
    private volatile String failureContentType = "application/problem+json";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int n = requests.incrementAndGet();
            boolean fail = n <= failuresBeforeSuccess;
            byte[] body = (fail ? "{\"title\":\"Unavailable\",\"status\":503,\"detail\":\"starting\"}"
                    : "{\"id\":\"j1\",\"state\":\"QUEUED\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", fail ? failureContentType : "application/json");
            exchange.sendResponseHeaders(fail ? failureStatus : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void retriesServerErrorsUntilTheServerAnswers() {
        failuresBeforeSuccess = 2;

        Job job = client(List.of(serverUri()), RetryPolicy.tries(5, FAST)).job("j1");

        assertThat(job.id()).isEqualTo("j1");
        assertThat(requests).hasValue(3);
    }

    @Test
    void givesUpAfterTheAllowedTriesWithTheServersDetail() {
        failuresBeforeSuccess = 100;

        assertThatThrownBy(() -> client(List.of(serverUri()), RetryPolicy.tries(3, FAST)).job("j1"))
                .isInstanceOf(ProblemException.class).hasMessage("starting");
        assertThat(requests).hasValue(3);
    }

    @Test
    void doesNotRetryARefusal() {
        failuresBeforeSuccess = 100;
        failureStatus = 400;

        assertThatThrownBy(() -> client(List.of(serverUri()), RetryPolicy.tries(3, FAST)).job("j1"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
        assertThat(requests).hasValue(1);
    }

    @Test
    void retriesA404ThatIsNotMustersWhileTheServerDeploysTheApplication() {
        failuresBeforeSuccess = 2;
        failureStatus = 404;
        failureContentType = "text/html";

        Job job = client(List.of(serverUri()), RetryPolicy.tries(5, FAST)).job("j1");

        assertThat(job.id()).isEqualTo("j1");
        assertThat(requests).hasValue(3);
    }

    @Test
    void doesNotRetryMustersOwn404() {
        failuresBeforeSuccess = 100;
        failureStatus = 404;

        assertThatThrownBy(() -> client(List.of(serverUri()), RetryPolicy.tries(3, FAST)).job("j1"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404));
        assertThat(requests).hasValue(1);
    }

    @Test
    void failsOverFromAnUnreachableServerToTheNext() throws IOException {
        URI dead = deadServer();

        Job job = client(List.of(dead, serverUri()), RetryPolicy.tries(3, FAST)).job("j1");

        assertThat(job.id()).isEqualTo("j1");
    }

    @Test
    void reportsAnUnreachableServerInPlainWords() throws IOException {
        URI dead = deadServer();

        assertThatThrownBy(() -> client(List.of(dead), RetryPolicy.tries(2, FAST)).job("j1"))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessage("cannot reach " + dead + ": connection refused");
    }

    private MusterClient client(List<URI> servers, RetryPolicy retry) {
        return new MusterClient(new HttpTransport(new ServerList(servers), retry));
    }

    private URI serverUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static URI deadServer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
