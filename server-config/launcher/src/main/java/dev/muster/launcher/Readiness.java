package dev.muster.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether a Muster server answers ready. Payara answers UP before the application is deployed (no checks registered
 * yet counts as UP), so readiness counts only once the application's own check is in the answer.
 *
 * <p>Also the container health check: {@code java -cp muster-server.jar dev.muster.launcher.Readiness [port]} exits 0
 * when the server on this host is ready, 1 otherwise.
 */
final class Readiness {

    private final URI endpoint;
    /**
     * HTTP/1.1: by default the JDK client asks to upgrade to HTTP/2 (h2c), and Payara's Grizzly can deadlock both its
     * HTTP threads on an upgrade answered with an error page, as a probe gets while the application deploys (a
     * thread dump of a two-instance start showed it). The workers' client does the same.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    /** What the last check got, for the message when a server never gets ready. */
    private volatile String lastAnswer = "no answer yet";

    Readiness(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/health/ready");
    }

    boolean isReady() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            lastAnswer = response.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
            return response.statusCode() == 200 && body.contains("\"muster\"");
        } catch (IOException notYet) {
            lastAnswer = String.valueOf(notYet);
            return false;
        }
    }

    String lastAnswer() {
        return lastAnswer;
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0])
                : Integer.parseInt(System.getenv().getOrDefault("MUSTER_HTTP_PORT", "8080"));
        System.exit(new Readiness(port).isReady() ? 0 : 1);
    }
}
