package dev.muster.dispatch.boundary;

import dev.muster.dispatch.control.Assignment;
import dev.muster.dispatch.control.LeaseGrants;
import dev.muster.workers.entity.Worker;
import dev.muster.workers.entity.WorkerRegistration;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.TimeoutHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PoolDispatcherTest {

    private final FakeGrants grants = new FakeGrants();
    private final PoolDispatcher dispatcher = new PoolDispatcher("build|", grants, Clock.systemUTC(), d -> d.retireIfIdle(),
            assignments -> assignments);
    private final Thread thread = new Thread(dispatcher);

    @AfterEach
    void stop() throws InterruptedException {
        dispatcher.stop();
        thread.join(5000);
    }

    private static LeaseWaiter waiter(String workerId, Duration wait, FakeResponse response) {
        Worker worker = new Worker(workerId, new WorkerRegistration("w", "build", List.of(), 2, "t", null, null), "hash", "enrolment", Instant.now());
        return new LeaseWaiter(worker, 2, Instant.now().plus(wait), response);
    }

    @Test
    void theOldestWaiterGetsTheFirstJob() {
        FakeResponse first = new FakeResponse();
        FakeResponse second = new FakeResponse();
        dispatcher.offer(waiter("w-1", Duration.ofSeconds(10), first));
        dispatcher.offer(waiter("w-2", Duration.ofSeconds(10), second));
        thread.start();

        grants.arrive(assignment("job-1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> first.answer != null);
        assertThat(first.answer).isEqualTo(List.of(assignment("job-1")));
        assertThat(grants.servedWorkers.get(0)).isEqualTo("w-1");
        assertThat(second.answer).isNull();

        grants.arrive(assignment("job-2"));
        await().atMost(Duration.ofSeconds(5)).until(() -> second.answer != null);
        assertThat(second.answer).isEqualTo(List.of(assignment("job-2")));
    }

    @Test
    void aWaiterWhoseWaitIsOverGetsAnEmptyAnswer() {
        FakeResponse response = new FakeResponse();
        dispatcher.offer(waiter("w-1", Duration.ofMillis(300), response));
        thread.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> response.answer != null);
        assertThat(response.answer).isEqualTo(List.of());
    }

    @Test
    void jobsGrantedToAWorkerThatAlreadyLeftAreReleased() {
        FakeResponse gone = new FakeResponse();
        gone.suspended = true;
        gone.refuseResume = true;
        dispatcher.offer(waiter("w-1", Duration.ofSeconds(10), gone));
        thread.start();

        grants.arrive(assignment("job-1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !grants.released.isEmpty());
        assertThat(grants.released).containsExactly(assignment("job-1"));
    }

    @Test
    void aLeavingWorkersWaitersAreAnsweredAtOnceAndGetNoJob() {
        FakeResponse leaving = new FakeResponse();
        FakeResponse staying = new FakeResponse();
        dispatcher.offer(waiter("w-1", Duration.ofSeconds(30), leaving));
        dispatcher.offer(waiter("w-2", Duration.ofSeconds(30), staying));
        dispatcher.dismiss("w-1");
        assertThat(leaving.answer).isEqualTo(List.of());
        thread.start();

        grants.arrive(assignment("job-1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> staying.answer != null);
        assertThat(staying.answer).isEqualTo(List.of(assignment("job-1")));
    }

    @Test
    void aJobGrantedWhileItsWorkerIsDismissedIsReleased() {
        FakeResponse draining = new FakeResponse();
        dispatcher.offer(waiter("w-1", Duration.ofSeconds(10), draining));
        thread.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> grants.receiving);

        dispatcher.dismiss("w-1");
        grants.arrive(assignment("job-1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !grants.released.isEmpty());
        assertThat(draining.answer).isEqualTo(List.of());
        assertThat(grants.released).containsExactly(assignment("job-1"));
    }

    @Test
    void anIdleDispatcherRetiresAndRefusesNewWaiters() {
        assertThat(dispatcher.retireIfIdle()).isTrue();
        assertThat(dispatcher.offer(waiter("w", Duration.ofSeconds(1), new FakeResponse()))).isFalse();
    }

    private static Assignment assignment(String jobId) {
        return new Assignment(jobId, "a-" + jobId, "t", Instant.EPOCH, "shell", "true", "{}", null, null, null, null);
    }

    /** Hands out assignments the test makes arrive, blocking like a broker receive until then. */
    private static final class FakeGrants extends LeaseGrants {
        final BlockingQueue<Assignment> arrivals = new LinkedBlockingQueue<>();
        final List<String> servedWorkers = new CopyOnWriteArrayList<>();
        final List<Assignment> released = new CopyOnWriteArrayList<>();
        volatile boolean receiving;

        void arrive(Assignment assignment) {
            arrivals.add(assignment);
        }

        @Override
        public List<Assignment> grant(Worker worker, int slots, Duration wait) {
            try {
                receiving = true;
                Assignment next = arrivals.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    return List.of();
                }
                servedWorkers.add(worker.id());
                return List.of(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }

        @Override
        public void release(List<Assignment> assignments) {
            released.addAll(assignments);
        }
    }

    private static final class FakeResponse implements AsyncResponse {
        volatile Object answer;
        volatile boolean suspended = true;
        volatile boolean refuseResume;

        @Override
        public boolean resume(Object response) {
            if (refuseResume) {
                return false;
            }
            answer = response;
            suspended = false;
            return true;
        }

        @Override
        public boolean resume(Throwable response) {
            return false;
        }

        @Override
        public boolean cancel() {
            return false;
        }

        @Override
        public boolean cancel(int retryAfter) {
            return false;
        }

        @Override
        public boolean cancel(java.util.Date retryAfter) {
            return false;
        }

        @Override
        public boolean isSuspended() {
            return suspended;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return !suspended;
        }

        @Override
        public boolean setTimeout(long time, TimeUnit unit) {
            return true;
        }

        @Override
        public void setTimeoutHandler(TimeoutHandler handler) {
        }

        @Override
        public Collection<Class<?>> register(Class<?> callback) {
            return List.of();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Class<?> callback, Class<?>... callbacks) {
            return Map.of();
        }

        @Override
        public Collection<Class<?>> register(Object callback) {
            return List.of();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Object callback, Object... callbacks) {
            return Map.of();
        }
    }
}
