package dev.muster.worker.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory Muster server speaking docs/protocol.md, for tests: jobs submitted through the client API are
 * leased to workers, their chunks and completions are recorded and visible through the client API again.
 * Knobs let a test cancel or withdraw attempts, forget the worker, make the server unavailable (503) or its
 * heartbeats alone, take it away entirely (connection refused) and bring it back on the same port, or lose the
 * answer to a submission after the job was made.
 */
public final class FakeMusterServer implements AutoCloseable {

    private static final Pattern WORKER_PATH =
            Pattern.compile("/api/v1/workers/([^/]+)(/lease|/heartbeat|/attempts/([^/]+)/(log|complete|workspace))?");
    private static final Pattern JOB_PATH = Pattern.compile("/api/v1/jobs/([^/?]+)(/log/chunks|/cancel)?");

    private volatile HttpServer http;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Object lock = new Object();

    private final Map<String, FakeJob> jobs = new LinkedHashMap<>();
    private final List<FakeJob> queue = new ArrayList<>();
    private final Map<String, FakeJob> jobByAttempt = new LinkedHashMap<>();
    private final Map<String, Map<Long, JsonObject>> chunks = new LinkedHashMap<>();
    private final Map<String, JsonObject> completions = new LinkedHashMap<>();
    private final List<JsonObject> registrations = new ArrayList<>();
    private final List<JsonObject> heartbeats = new ArrayList<>();
    private final List<Integer> leaseSlots = new ArrayList<>();
    private final List<String> deregistered = new ArrayList<>();
    private final Set<String> toCancel = new HashSet<>();
    private final Set<String> withdrawn = new HashSet<>();
    private final List<JsonObject> submissions = new ArrayList<>();
    private final List<String> idempotencyKeys = new ArrayList<>();
    private final Map<String, String> jobByKey = new LinkedHashMap<>();
    private int submitAnswersToDrop;
    private volatile int heartbeatSeconds = 1;
    private volatile boolean unavailable;
    private volatile boolean heartbeatsUnavailable;
    private boolean hanging;
    private volatile boolean refuseRegistration;
    private volatile String enrolmentToken;
    private volatile boolean stallWorkspaces;
    private final List<String> registrationAuthorizations = new ArrayList<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private String workerId;
    private String secret;
    private int counter;

    public FakeMusterServer() throws IOException {
        http = listen(0);
        port = http.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        return server;
    }

    // ---- what tests set up ----

    /** Queues a job as if submitted; returns its id. */
    public String enqueue(String command, Map<String, String> env, Integer timeoutSeconds) {
        synchronized (lock) {
            FakeJob job = new FakeJob("job-" + ++counter, command, "default", env, timeoutSeconds);
            jobs.put(job.id, job);
            queue.add(job);
            lock.notifyAll();
            return job.id;
        }
    }

    /** Queues a job whose lease names a workspace archive with these bytes and this SHA-256; returns its id. */
    public String enqueueWithWorkspace(String command, byte[] zip, String sha256) {
        String id = enqueue(command, Map.of(), null);
        synchronized (lock) {
            jobs.get(id).workspace = zip.clone();
            jobs.get(id).workspaceSha256 = sha256;
        }
        return id;
    }

    /** Workspace downloads send half the archive, then nothing more until the server closes. */
    public void stallWorkspaceDownloads() {
        stallWorkspaces = true;
    }

    /** From now on registration needs {@code Authorization: Bearer <token>}, else 401. */
    public void requireEnrolmentToken(String token) {
        enrolmentToken = token;
    }

    public void cancel(String attemptId) {
        synchronized (lock) {
            toCancel.add(attemptId);
        }
    }

    /** The attempt's lease goes elsewhere: reported as stale, and log/complete answer 409. */
    public void withdraw(String attemptId) {
        synchronized (lock) {
            withdrawn.add(attemptId);
        }
    }

    /** Forgets the registered worker, as a server that lost its state would: its calls get 401. */
    public void forgetWorker() {
        synchronized (lock) {
            workerId = null;
            secret = null;
        }
    }

    public void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    /** Heartbeats alone answer 503; leases, logs and completions go on working. */
    public void setHeartbeatsUnavailable(boolean unavailable) {
        heartbeatsUnavailable = unavailable;
    }

    /** Takes requests and never answers them, as a server stuck on its database would, until released. */
    public void setHanging(boolean hang) {
        synchronized (lock) {
            hanging = hang;
            lock.notifyAll();
        }
    }

    /** Stops listening, as a crashed server would: connections are refused. What it stored stays. */
    public void goAway() {
        http.stop(0);
    }

    /** Listens again on the same port, with everything it stored before it went away. */
    public void comeBack() throws IOException {
        http = listen(port);
    }

    /** The next {@code count} submissions make their job but lose the answer: the connection just closes. */
    public void dropSubmitAnswers(int count) {
        synchronized (lock) {
            submitAnswersToDrop = count;
        }
    }

    /** Null for a server from before retries, which did not send maxAttempts. */
    public void setMaxAttempts(String jobId, Integer maxAttempts) {
        synchronized (lock) {
            jobs.get(jobId).maxAttempts = maxAttempts;
        }
    }

    /** Ends a job as the server would, e.g. FAILED with reason worker-lost after {@code attempts} attempts. */
    public void end(String jobId, String state, String reason, Integer exitCode, int attempts) {
        synchronized (lock) {
            FakeJob job = jobs.get(jobId);
            queue.remove(job);
            job.state = state;
            job.reason = reason;
            job.exitCode = exitCode;
            job.attempts = attempts;
            job.startedAt = job.submittedAt;
            job.finishedAt = job.submittedAt.plusMillis(1500);
        }
    }

    public void setRefuseRegistration(boolean refuse) {
        refuseRegistration = refuse;
    }

    public void setHeartbeatSeconds(int seconds) {
        heartbeatSeconds = seconds;
    }

    // ---- what tests check ----

    public List<JsonObject> registrations() {
        synchronized (lock) {
            return List.copyOf(registrations);
        }
    }

    /** The Authorization header of each registration, "" for none. */
    public List<String> registrationAuthorizations() {
        synchronized (lock) {
            return List.copyOf(registrationAuthorizations);
        }
    }

    public List<JsonObject> heartbeats() {
        synchronized (lock) {
            return List.copyOf(heartbeats);
        }
    }

    /** The bodies of POST /api/v1/jobs, in order, repeats included. */
    public List<JsonObject> submissions() {
        synchronized (lock) {
            return List.copyOf(submissions);
        }
    }

    /** The Idempotency-Key header of each submission, "" when it had none. */
    public List<String> idempotencyKeys() {
        synchronized (lock) {
            return List.copyOf(idempotencyKeys);
        }
    }

    public int jobCount() {
        synchronized (lock) {
            return jobs.size();
        }
    }

    public List<Integer> leaseSlots() {
        synchronized (lock) {
            return List.copyOf(leaseSlots);
        }
    }

    public List<String> deregistered() {
        synchronized (lock) {
            return List.copyOf(deregistered);
        }
    }

    /** The attempt of a job, once leased. */
    public String attemptOf(String jobId) {
        synchronized (lock) {
            return jobs.get(jobId).attemptId;
        }
    }

    public JsonObject completion(String jobId) {
        synchronized (lock) {
            String attempt = jobs.get(jobId).attemptId;
            return attempt == null ? null : completions.get(attempt);
        }
    }

    /** The stored chunks of a job's attempt, in seq order. */
    public List<JsonObject> chunks(String jobId) {
        synchronized (lock) {
            String attempt = jobs.get(jobId).attemptId;
            return attempt == null ? List.of() : List.copyOf(chunks.getOrDefault(attempt, Map.of()).values());
        }
    }

    /** The log as one text, stream of each chunk marked: "out:hello\n" "err:oops\n". */
    public String log(String jobId) {
        StringBuilder log = new StringBuilder();
        chunks(jobId).forEach(c -> log.append(c.getString("stream").equals("stderr") ? "err:" : "out:")
                .append(c.getString("data")));
        return log.toString();
    }

    /** Everything one stream of the job wrote ("stdout" or "stderr"). */
    public String output(String jobId, String stream) {
        StringBuilder text = new StringBuilder();
        chunks(jobId).stream().filter(c -> c.getString("stream").equals(stream))
                .forEach(c -> text.append(c.getString("data")));
        return text.toString();
    }

    /** How many requests were answered 503 while the server was unavailable. */
    public int rejected() {
        return rejected.get();
    }

    /** The job as GET /api/v1/jobs/{id} shows it. */
    public JsonObject job(String jobId) {
        synchronized (lock) {
            return jobs.get(jobId).toJson();
        }
    }

    /** The env a job was submitted with. */
    public Map<String, String> env(String jobId) {
        synchronized (lock) {
            return Map.copyOf(jobs.get(jobId).env);
        }
    }

    public String state(String jobId) {
        synchronized (lock) {
            return jobs.get(jobId).state;
        }
    }

    @Override
    public void close() {
        setHanging(false);
        http.stop(0);
        threads.shutdownNow();
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (holdWhileHanging()) {
                return; // released: the connection closes without an answer
            }
            if (unavailable) {
                rejected.incrementAndGet();
                reply(exchange, 503, problem(503, "unavailable"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            JsonObject body = readBody(exchange.getRequestBody());
            Reply reply;
            Matcher worker = WORKER_PATH.matcher(path);
            Matcher job = JOB_PATH.matcher(path);
            if (path.equals("/api/v1/workers") && method.equals("POST")) {
                reply = register(body, exchange.getRequestHeaders().getFirst("Authorization"));
            } else if (worker.matches()) {
                reply = workerCall(exchange, worker, method, body);
                if (reply == null) {
                    return; // answered already (a workspace download)
                }
            } else if (path.equals("/api/v1/jobs") && method.equals("POST")) {
                reply = submit(body, exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                if (reply == null) {
                    return; // the answer is lost: the connection closes without one
                }
            } else if (job.matches() && "/cancel".equals(job.group(2)) && method.equals("POST")) {
                reply = cancelJob(job.group(1));
            } else if (path.equals("/api/v1/jobs") && method.equals("GET")) {
                reply = listJobs();
            } else if (job.matches() && method.equals("GET")) {
                reply = jobCall(job, exchange.getRequestURI().getQuery());
            } else {
                reply = new Reply(404, problem(404, "no route " + method + " " + path));
            }
            reply.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            reply(exchange, reply.status, reply.body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean holdWhileHanging() throws InterruptedException {
        synchronized (lock) {
            boolean held = hanging;
            while (hanging) {
                lock.wait();
            }
            return held;
        }
    }

    private Reply register(JsonObject body, String authorization) {
        if (refuseRegistration) {
            return new Reply(400, problem(400, "pool: no such pool"));
        }
        synchronized (lock) {
            registrationAuthorizations.add(authorization == null ? "" : authorization);
            if (enrolmentToken != null && !("Bearer " + enrolmentToken).equals(authorization)) {
                return new Reply(401, problem(401, "missing, unknown or revoked enrolment token"));
            }
            registrations.add(body);
            workerId = "worker-" + registrations.size();
            secret = "secret-" + registrations.size();
            return new Reply(201, Json.createObjectBuilder().add("workerId", workerId).add("secret", secret)
                    .add("leaseSeconds", 60).add("heartbeatSeconds", heartbeatSeconds).build());
        }
    }

    private Reply workerCall(HttpExchange exchange, Matcher path, String method, JsonObject body)
            throws InterruptedException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        synchronized (lock) {
            if (workerId == null || !workerId.equals(path.group(1)) || !("Bearer " + secret).equals(auth)) {
                return new Reply(401, problem(401, "unknown worker or wrong secret"));
            }
        }
        String call = path.group(2);
        if (call == null && method.equals("DELETE")) {
            synchronized (lock) {
                deregistered.add(path.group(1));
            }
            return new Reply(204, null);
        }
        if ("/lease".equals(call)) {
            return lease(body.getInt("slots"));
        }
        if ("/heartbeat".equals(call)) {
            if (heartbeatsUnavailable) {
                rejected.incrementAndGet();
                return new Reply(503, problem(503, "heartbeats unavailable"));
            }
            return heartbeat(body);
        }
        if ("workspace".equals(path.group(4))) {
            return workspace(exchange, path.group(3));
        }
        return attemptCall(path.group(3), path.group(4), body);
    }

    /** Sends the archive itself and answers null, or refuses with a problem like the other attempt calls. */
    private Reply workspace(HttpExchange exchange, String attemptId) {
        byte[] zip;
        synchronized (lock) {
            FakeJob job = jobByAttempt.get(attemptId);
            if (job == null || job.workspace == null) {
                return new Reply(404, problem(404, "no workspace for attempt " + attemptId));
            }
            String leaseToken = exchange.getRequestHeaders().getFirst("Muster-Lease-Token");
            if (withdrawn.contains(attemptId) || !("token-" + attemptId).equals(leaseToken)) {
                return new Reply(409, problem(409, "lease lost"));
            }
            zip = job.workspace;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/zip");
            exchange.sendResponseHeaders(200, zip.length);
            if (stallWorkspaces) {
                exchange.getResponseBody().write(zip, 0, zip.length / 2);
                exchange.getResponseBody().flush();
                Thread.sleep(60_000); // until close() interrupts
            }
            exchange.getResponseBody().write(zip);
        } catch (IOException e) {
            // the worker went away; it finds out itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private Reply lease(int slots) throws InterruptedException {
        synchronized (lock) {
            leaseSlots.add(slots);
            long deadline = System.currentTimeMillis() + 300;
            while (queue.isEmpty() && System.currentTimeMillis() < deadline) {
                lock.wait(50);
            }
            JsonArrayBuilder leased = Json.createArrayBuilder();
            for (int i = 0; i < slots && !queue.isEmpty(); i++) {
                FakeJob job = queue.remove(0);
                job.attemptId = "attempt-" + ++counter;
                job.attempts++;
                job.state = "RUNNING";
                job.startedAt = Instant.now();
                jobByAttempt.put(job.attemptId, job);
                leased.add(Json.createObjectBuilder().add("jobId", job.id).add("attemptId", job.attemptId)
                        .add("leaseToken", "token-" + job.attemptId)
                        .add("leaseExpiresAt", Instant.now().plusSeconds(60).toString())
                        .add("command", job.command)
                        .add("env", Json.createObjectBuilder(new TreeMap<String, Object>(job.env)))
                        .add("timeoutSeconds", job.timeoutSeconds == null ? JsonValue.NULL
                                : Json.createValue(job.timeoutSeconds))
                        .add("workspace", job.workspace == null ? JsonValue.NULL : Json.createObjectBuilder()
                                .add("id", "ws-" + job.id).add("sizeBytes", job.workspace.length)
                                .add("sha256", job.workspaceSha256).build()));
            }
            return new Reply(200, Json.createObjectBuilder().add("jobs", leased).build());
        }
    }

    private Reply heartbeat(JsonObject body) {
        synchronized (lock) {
            heartbeats.add(body);
            JsonArrayBuilder cancel = Json.createArrayBuilder();
            JsonArrayBuilder stale = Json.createArrayBuilder();
            body.getJsonArray("attempts").getValuesAs(JsonObject.class).forEach(a -> {
                String id = a.getString("attemptId");
                if (withdrawn.contains(id)) {
                    stale.add(id);
                } else if (toCancel.contains(id)) {
                    cancel.add(id);
                }
            });
            return new Reply(200, Json.createObjectBuilder().add("cancel", cancel).add("stale", stale).build());
        }
    }

    private Reply attemptCall(String attemptId, String call, JsonObject body) {
        synchronized (lock) {
            FakeJob job = jobByAttempt.get(attemptId);
            if (job == null) {
                return new Reply(404, problem(404, "no attempt " + attemptId));
            }
            if (withdrawn.contains(attemptId) || !("token-" + attemptId).equals(body.getString("leaseToken"))) {
                return new Reply(409, problem(409, "lease lost"));
            }
            if (call.equals("log")) {
                Map<Long, JsonObject> stored = chunks.computeIfAbsent(attemptId, k -> new TreeMap<>());
                body.getJsonArray("chunks").getValuesAs(JsonObject.class)
                        .forEach(c -> stored.putIfAbsent(c.getJsonNumber("seq").longValue(), c));
                return new Reply(204, null);
            }
            completions.putIfAbsent(attemptId, body);
            finish(job, body);
            return new Reply(200, Json.createObjectBuilder().add("jobId", job.id).add("state", job.state).build());
        }
    }

    private static void finish(FakeJob job, JsonObject completion) {
        job.finishedAt = Instant.now();
        switch (completion.getString("outcome")) {
            case "exited" -> {
                job.exitCode = completion.getInt("exitCode");
                job.state = job.exitCode == 0 ? "SUCCEEDED" : "FAILED";
            }
            case "timed_out" -> job.state = "TIMED_OUT";
            case "cancelled" -> job.state = "CANCELLED";
            case "abandoned" -> job.state = "QUEUED"; // retried elsewhere (this fake does not lease it again)
            default -> job.state = "FAILED";
        }
    }

    /** 200 for a queued (or cancelled) job, 202 for a running one, 409 for one that ended otherwise. */
    private Reply cancelJob(String jobId) {
        synchronized (lock) {
            FakeJob job = jobs.get(jobId);
            if (job == null) {
                return new Reply(404, problem(404, "no job " + jobId));
            }
            switch (job.state) {
                case "QUEUED" -> {
                    queue.remove(job);
                    job.state = "CANCELLED";
                    job.reason = "cancelled";
                    job.finishedAt = Instant.now();
                }
                case "RUNNING" -> {
                    job.cancelRequested = true;
                    toCancel.add(job.attemptId);
                    return new Reply(202, job.toJson());
                }
                case "CANCELLED" -> {
                    // cancelling twice is fine
                }
                default -> {
                    return new Reply(409, problem(409, "job " + jobId + " already ended " + job.state
                            + "; it cannot be cancelled"));
                }
            }
            return new Reply(200, job.toJson());
        }
    }

    /** Null when the answer is to be lost. */
    private Reply submit(JsonObject body, String idempotencyKey) {
        synchronized (lock) {
            submissions.add(body);
            idempotencyKeys.add(idempotencyKey == null ? "" : idempotencyKey);
            String earlier = idempotencyKey == null ? null : jobByKey.get(idempotencyKey);
            if (earlier != null) {
                return new Reply(200, jobs.get(earlier).toJson(), Map.of("Idempotent-Replayed", "true"));
            }
        }
        Reply reply = create(body);
        synchronized (lock) {
            if (reply.status == 201 && idempotencyKey != null) {
                jobByKey.put(idempotencyKey, reply.body.getString("id"));
            }
            if (submitAnswersToDrop > 0) {
                submitAnswersToDrop--;
                return null;
            }
        }
        return reply;
    }

    private Reply create(JsonObject body) {
        // A js job (kind "js") is kept like a shell job whose command is its script: the fake never runs it.
        JsonValue command = body.get("js".equals(body.getString("kind", "shell")) ? "script" : "command");
        if (!(command instanceof JsonString text) || text.getString().isBlank()) {
            return new Reply(400, Json.createObjectBuilder().add("type", "about:blank").add("title", "Bad Request")
                    .add("status", 400).add("detail", "command: must not be blank").add("field", "command").build());
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (body.containsKey("env")) {
            body.getJsonObject("env").forEach((k, v) -> env.put(k, ((JsonString) v).getString()));
        }
        Integer timeout = body.containsKey("timeoutSeconds") ? body.getInt("timeoutSeconds") : null;
        // One critical section: a waiting worker must not lease the job before its 201 says QUEUED.
        synchronized (lock) {
            FakeJob job = jobs.get(enqueue(text.getString(), env, timeout));
            if (body.containsKey("maxAttempts")) {
                job.maxAttempts = body.getInt("maxAttempts");
            }
            return new Reply(201, job.toJson());
        }
    }

    private Reply listJobs() {
        synchronized (lock) {
            JsonArrayBuilder items = Json.createArrayBuilder();
            jobs.values().stream().sorted(Comparator.comparing((FakeJob j) -> j.submittedAt).reversed())
                    .forEach(j -> items.add(j.toJson()));
            return new Reply(200, Json.createObjectBuilder().add("items", items).add("page", 0).add("size", 20)
                    .add("total", jobs.size()).build());
        }
    }

    private Reply jobCall(Matcher path, String query) {
        synchronized (lock) {
            FakeJob job = jobs.get(path.group(1));
            if (job == null) {
                return new Reply(404, problem(404, "no job " + path.group(1)));
            }
            if (path.group(2) == null) {
                return new Reply(200, job.toJson());
            }
            long after = query != null && query.startsWith("after=") ? Long.parseLong(query.substring(6)) : -1;
            JsonArrayBuilder page = Json.createArrayBuilder();
            if (job.attemptId != null) {
                chunks.getOrDefault(job.attemptId, Map.of()).forEach((seq, c) -> {
                    if (seq > after) {
                        page.add(c);
                    }
                });
            }
            return new Reply(200, Json.createObjectBuilder().add("jobId", job.id).add("state", job.state)
                    .add("exitCode", job.exitCode == null ? JsonValue.NULL : Json.createValue(job.exitCode))
                    .add("attempt", job.attempts).add("chunks", page).build());
        }
    }

    private static JsonObject problem(int status, String detail) {
        return Json.createObjectBuilder().add("type", "about:blank").add("title", "Error").add("status", status)
                .add("detail", detail).build();
    }

    private static JsonObject readBody(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return text.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : Json.createReader(new StringReader(text)).readObject();
    }

    private static void reply(HttpExchange exchange, int status, JsonObject body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Reply(int status, JsonObject body, Map<String, String> headers) {
        Reply(int status, JsonObject body) {
            this(status, body, Map.of());
        }
    }
}
