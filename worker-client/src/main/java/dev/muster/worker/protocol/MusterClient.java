package dev.muster.worker.protocol;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** The client half of the API: submitting jobs, looking at them and reading their logs. */
public final class MusterClient {

    private static final String JOBS = "/api/v1/jobs";

    private final HttpTransport transport;

    public MusterClient(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * Tried once: a submission is not idempotent yet, so a retry after a request that timed out on its way back
     * could create the job twice. The user sees the failure and decides.
     */
    public Job submit(JobSubmission submission) {
        HttpTransport once = transport.withRetry(RetryPolicy.tries(1, Backoff.DEFAULT));
        return Job.fromJson(HttpTransport.json(once.send(ApiRequest.post(JOBS, submission.toJson()))));
    }

    public Job job(String id) {
        return Job.fromJson(HttpTransport.json(transport.send(ApiRequest.get(JOBS + "/" + encode(id)))));
    }

    /** A page of jobs, newest first; null filters are left to the server's defaults. */
    public JobPage jobs(String state, String pool, Integer page, Integer size) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        addParam(query, "state", state);
        addParam(query, "pool", pool);
        addParam(query, "page", page);
        addParam(query, "size", size);
        return JobPage.fromJson(HttpTransport.json(transport.send(ApiRequest.get(JOBS + query))));
    }

    /** The chunks of the job's latest attempt with a seq greater than {@code after} (-1 for all). */
    public ChunkPage chunks(String jobId, long after) {
        String path = JOBS + "/" + encode(jobId) + "/log/chunks?after=" + after;
        return ChunkPage.fromJson(HttpTransport.json(transport.send(ApiRequest.get(path))));
    }

    private static void addParam(StringJoiner query, String name, Object value) {
        if (value != null) {
            query.add(name + "=" + encode(value.toString()));
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
