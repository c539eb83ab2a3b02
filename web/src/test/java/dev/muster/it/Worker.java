package dev.muster.it;

import jakarta.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker speaking the protocol by hand, so each test controls every step. */
record Worker(Api api, String id, String secret) {

    static Worker register(Api api, String pool, String labelsJson) {
        return register(api, pool, labelsJson, "");
    }

    /** @param more further registration fields, e.g. {@code ,"kind":"browser","jobKinds":["js"]} */
    static Worker register(Api api, String pool, String labelsJson, String more) {
        Api.Reply reply = api.post("/api/v1/workers",
                "{\"name\":\"it\",\"pool\":\"" + pool + "\",\"labels\":" + labelsJson + ",\"slots\":2,\"version\":\"it\"" + more + "}",
                Credentials.ENROLMENT_TOKEN);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return new Worker(api, reply.json().getString("workerId"), reply.json().getString("secret"));
    }

    JsonObject lease(int slots, int waitSeconds) {
        Api.Reply reply = api.post("/api/v1/workers/" + id + "/lease",
                "{\"slots\":" + slots + ",\"waitSeconds\":" + waitSeconds + "}", secret);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    Api.Reply log(String attemptId, String token, String chunksJson) {
        return api.postGzip("/api/v1/workers/" + id + "/attempts/" + attemptId + "/log",
                "{\"leaseToken\":\"" + token + "\",\"chunks\":" + chunksJson + "}", secret);
    }

    Api.Reply complete(String attemptId, String token, int exitCode) {
        return api.post("/api/v1/workers/" + id + "/attempts/" + attemptId + "/complete",
                "{\"leaseToken\":\"" + token + "\",\"outcome\":\"exited\",\"exitCode\":" + exitCode + ",\"durationMs\":5}", secret);
    }

    Api.Reply end(String attemptId, String token, String outcome) {
        return api.post("/api/v1/workers/" + id + "/attempts/" + attemptId + "/complete",
                "{\"leaseToken\":\"" + token + "\",\"outcome\":\"" + outcome + "\",\"durationMs\":5}", secret);
    }

    /** The workspace of a leased attempt; {@code token} null sends no lease token. */
    Api.Download workspace(String attemptId, String token) {
        return api.download("/api/v1/workers/" + id + "/attempts/" + attemptId + "/workspace", "Muster-Lease-Token", token, secret);
    }

    Api.Reply deregister() {
        return api.delete("/api/v1/workers/" + id, secret);
    }

    Api.Reply heartbeat(String attemptId, String token) {
        return api.post("/api/v1/workers/" + id + "/heartbeat",
                "{\"attempts\":[{\"attemptId\":\"" + attemptId + "\",\"leaseToken\":\"" + token + "\"}]}", secret);
    }
}
