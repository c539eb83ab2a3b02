package dev.muster.chaos;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Submits planned jobs, each with its {@code Idempotency-Key}. A try that gets no answer (connection refused or reset,
 * timeout) or a 5xx is sent again with the same key until it is answered, so an unanswered submit never makes two
 * jobs; a 200 then says an earlier try had created it. The job body is valid by the contract, so a 404 (nothing
 * deployed at that path yet) is no refusal either.
 */
final class Submitter implements AutoCloseable {

    /** 404: Payara's HTTP listener is up before the application is deployed (a restarting server); 5xx: a backend is away. */
    private static final Set<Integer> TRY_AGAIN = Set.of(404, 500, 502, 503, 504);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final MusterApi api;
    private final Ledger ledger;
    private final Duration giveUpAfter;
    private final ExecutorService threads;

    Submitter(MusterApi api, Ledger ledger, int threads, Duration giveUpAfter) {
        this.api = api;
        this.ledger = ledger;
        this.giveUpAfter = giveUpAfter;
        this.threads = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "chaos-submit");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Submits {@code jobs} spread evenly over {@code window}; completes when every one is answered or given up. */
    CompletableFuture<Void> paced(List<PlannedJob> jobs, Duration window) {
        Instant start = Instant.now();
        long spacingNanos = jobs.isEmpty() ? 0 : window.toNanos() / jobs.size();
        CompletableFuture<?>[] all = new CompletableFuture<?>[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            PlannedJob job = jobs.get(i);
            Instant due = start.plusNanos(spacingNanos * i);
            all[i] = CompletableFuture.runAsync(() -> {
                sleepUntil(due);
                submit(job);
            }, threads);
        }
        return CompletableFuture.allOf(all);
    }

    /** Submits one job now and blocks until it is answered or given up. */
    Submission.Answer submit(PlannedJob job) {
        ledger.planned(job);
        Instant giveUp = Instant.now().plus(giveUpAfter);
        Duration backoff = FIRST_BACKOFF;
        String lastError = null;
        for (int tries = 1; ; tries++) {
            try {
                HttpResponse<String> response = api.submit(job.json(), job.idempotencyKey());
                int status = response.statusCode();
                if (status == 201 || status == 200) {
                    String id = MusterApi.parse(response.body()).getString("id");
                    Submission.Status how = status == 201 ? Submission.Status.CREATED : Submission.Status.REPLAYED;
                    return record(job, new Submission.Answer(how, id, status, tries, null));
                }
                if (!TRY_AGAIN.contains(status)) {
                    return record(job, new Submission.Answer(Submission.Status.REFUSED, null, status, tries, response.body()));
                }
                lastError = status + " " + response.body();
            } catch (IOException e) {
                lastError = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return record(job, new Submission.Answer(Submission.Status.UNANSWERED, null, 0, tries, "interrupted"));
            } catch (RuntimeException e) {
                // A 200/201 whose body is not a job: as good as no answer; the same key makes the next try safe.
                lastError = e.toString();
            }
            if (Instant.now().isAfter(giveUp)) {
                return record(job, new Submission.Answer(Submission.Status.UNANSWERED, null, 0, tries, lastError));
            }
            sleepUntil(Instant.now().plus(backoff));
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private Submission.Answer record(PlannedJob job, Submission.Answer answer) {
        ledger.answered(job.token(), answer);
        return answer;
    }

    private static void sleepUntil(Instant due) {
        long millis = Duration.between(Instant.now(), due).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }
}
