package dev.muster.worker.protocol;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.StringJoiner;

/** The client half of the API: submitting jobs, looking at them and reading their logs. */
public final class MusterClient {

    private static final String JOBS = "/api/v1/jobs";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpTransport transport;

    public MusterClient(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * Without an idempotency key, tried once: a retry after a request that timed out on its way back could create
     * the job twice, so the user sees the failure and decides. With a key the server answers a repeated submission
     * with the job it already made, so connection failures and 5xx are retried like any other call.
     *
     * @param idempotencyKey sent as the {@code Idempotency-Key} header; null for none
     */
    public Job submit(Submission submission, String idempotencyKey) {
        ApiRequest request = ApiRequest.post(JOBS, submission.toJson());
        if (idempotencyKey == null) {
            HttpTransport once = transport.withRetry(RetryPolicy.tries(1, Backoff.DEFAULT));
            return Job.fromJson(HttpTransport.json(once.send(request)));
        }
        return Job.fromJson(HttpTransport.json(transport.send(request.withHeader(IDEMPOTENCY_KEY, idempotencyKey))));
    }

    /**
     * Uploads a zip archive for jobs to name as their {@code workspace}. Retried like a read: a repeated upload
     * only leaves an unused copy, which no job names.
     */
    public WorkspaceUpload uploadWorkspace(Path zip, LongConsumer progress) {
        Upload upload = new Upload(zip, "application/zip", progress);
        ApiRequest request = ApiRequest.upload("/api/v1/workspaces", upload).withTimeout(Duration.ofMinutes(30));
        return WorkspaceUpload.fromJson(HttpTransport.json(transport.send(request)));
    }

    /**
     * Asks the server to cancel a job; retried like a read, since cancelling twice answers the same.
     *
     * @throws ProblemException 409 when the job already ended otherwise, 404 when there is no such job
     */
    public Cancellation cancel(String id) {
        ApiResponse answer = transport.send(ApiRequest.post(JOBS + "/" + encode(id) + "/cancel", null));
        return new Cancellation(Job.fromJson(HttpTransport.json(answer)), answer.status() == 202);
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
