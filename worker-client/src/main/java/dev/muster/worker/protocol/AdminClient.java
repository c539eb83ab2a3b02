package dev.muster.worker.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Function;

/**
 * The management half of the API (admin role): API tokens, enrolment tokens and console users. Creations are
 * tried once, like a submission without a key: a retry after a lost answer would create a second token. Reads
 * and deletions are idempotent and retried.
 */
public final class AdminClient {

    private static final String TOKENS = "/api/v1/tokens";
    private static final String ENROLMENT_TOKENS = "/api/v1/enrolment-tokens";
    private static final String USERS = "/api/v1/users";

    private final HttpTransport transport;
    private final HttpTransport once;

    public AdminClient(HttpTransport transport) {
        this.transport = transport;
        this.once = transport.withRetry(RetryPolicy.tries(1, Backoff.DEFAULT));
    }

    public ApiToken createToken(String name, String role) {
        JsonObject body = Json.createObjectBuilder().add("name", name).add("role", role).build();
        return ApiToken.fromJson(HttpTransport.json(once.send(ApiRequest.post(TOKENS, body))));
    }

    public List<ApiToken> tokens() {
        return list(TOKENS, ApiToken::fromJson);
    }

    public void revokeToken(String id) {
        transport.send(ApiRequest.delete(TOKENS + "/" + MusterClient.encode(id)));
    }

    /** @param expiresInSeconds null for a token that does not expire */
    public EnrolmentToken createEnrolmentToken(String name, List<String> pools, List<String> labels,
            Long expiresInSeconds) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", name);
        if (!pools.isEmpty()) {
            body.add("pools", JsonFields.array(pools));
        }
        if (!labels.isEmpty()) {
            body.add("labels", JsonFields.array(labels));
        }
        if (expiresInSeconds != null) {
            body.add("expiresInSeconds", expiresInSeconds);
        }
        return EnrolmentToken.fromJson(HttpTransport.json(once.send(ApiRequest.post(ENROLMENT_TOKENS, body.build()))));
    }

    public List<EnrolmentToken> enrolmentTokens() {
        return list(ENROLMENT_TOKENS, EnrolmentToken::fromJson);
    }

    public void revokeEnrolmentToken(String id) {
        transport.send(ApiRequest.delete(ENROLMENT_TOKENS + "/" + MusterClient.encode(id)));
    }

    public UserAccount createUser(String name, char[] password, String role) {
        JsonObject body = Json.createObjectBuilder().add("name", name).add("password", new String(password))
                .add("role", role).build();
        return UserAccount.fromJson(HttpTransport.json(once.send(ApiRequest.post(USERS, body))));
    }

    public List<UserAccount> users() {
        return list(USERS, UserAccount::fromJson);
    }

    public void deleteUser(String name) {
        transport.send(ApiRequest.delete(USERS + "/" + MusterClient.encode(name)));
    }

    private <T> List<T> list(String path, Function<JsonObject, T> item) {
        return JsonFields.objects(HttpTransport.json(transport.send(ApiRequest.get(path))), "items").stream()
                .map(item).toList();
    }
}
