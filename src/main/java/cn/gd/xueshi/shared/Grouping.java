package cn.gd.xueshi.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Requests that arrive together share one database round trip. Each request waits in a queue; when
 * nothing is in flight the queue is handled at once, otherwise within {@code wait}, at most
 * {@code maxSize} at a time and {@code concurrency} groups at once. A group's work sets each
 * request's answer or refusal; a request is answered on its caller's context only after the group's
 * work has completed (for writes: committed), and a failed group fails every request in it.
 *
 * @param <Q> what one request asks
 * @param <A> what one request is answered
 */
public final class Grouping<Q, A> {

    /** One request of a group: its question, and its answer or refusal once the group's work has run. */
    public static final class Request<Q, A> {
        private final Q question;
        private final Context caller;
        private final UniEmitter<? super A> emitter;
        private A answer;
        private RuntimeException refusal;

        Request(Q question, Context caller, UniEmitter<? super A> emitter) {
            this.question = question;
            this.caller = caller;
            this.emitter = emitter;
        }

        public Q question() {
            return question;
        }

        public void answer(A value) {
            this.answer = value;
            this.refusal = null;
        }

        public void refuse(RuntimeException reason) {
            this.refusal = reason;
            this.answer = null;
        }

        /** Forgets what a failed attempt decided, before the group's work is tried again. */
        public void reset() {
            this.answer = null;
            this.refusal = null;
        }

        void finish(Throwable failure) {
            Runnable done = () -> {
                if (failure != null) {
                    emitter.fail(failure);
                } else if (refusal != null) {
                    emitter.fail(refusal);
                } else {
                    emitter.complete(answer);
                }
            };
            if (caller != null) {
                caller.runOnContext(v -> done.run());
            } else {
                done.run();
            }
        }
    }

    private final Vertx vertx;
    private final Context home;
    private final int maxSize;
    private final Duration wait;
    private final int concurrency;
    private final Function<List<Request<Q, A>>, Future<?>> work;
    private final Function<Throwable, RuntimeException> failure;
    private final ConcurrentLinkedQueue<Request<Q, A>> queue = new ConcurrentLinkedQueue<>();
    /** Touched only on {@link #home}. */
    private int inFlight;
    private boolean timerSet;

    /**
     * @param work    does one group's work and sets each request's answer or refusal
     * @param failure what a request is told when its group's work failed
     */
    public Grouping(Vertx vertx, int maxSize, Duration wait, int concurrency,
            Function<List<Request<Q, A>>, Future<?>> work, Function<Throwable, RuntimeException> failure) {
        this.vertx = vertx;
        this.home = vertx.getOrCreateContext();
        this.maxSize = maxSize;
        this.wait = wait;
        this.concurrency = concurrency;
        this.work = work;
        this.failure = failure;
    }

    public Uni<A> submit(Q question) {
        return Uni.createFrom().emitter(emitter -> {
            queue.add(new Request<>(question, Vertx.currentContext(), emitter));
            home.runOnContext(v -> schedule());
        });
    }

    /** On {@link #home}: handle the queue now if a group is full or nothing is in flight, else soon. */
    private void schedule() {
        if (queue.isEmpty()) {
            return;
        }
        if (inFlight < concurrency && (queue.size() >= maxSize || inFlight == 0)) {
            flush();
        } else if (!timerSet && inFlight < concurrency) {
            timerSet = true;
            vertx.setTimer(Math.max(1, wait.toMillis()), id -> {
                timerSet = false;
                if (inFlight < concurrency) {
                    flush();
                }
            });
        }
    }

    private void flush() {
        List<Request<Q, A>> group = new ArrayList<>();
        Request<Q, A> request;
        while (group.size() < maxSize && (request = queue.poll()) != null) {
            group.add(request);
        }
        if (group.isEmpty()) {
            return;
        }
        inFlight++;
        Future<?> done;
        try {
            done = work.apply(group);
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        done.onComplete(ar -> home.runOnContext(v -> {
            inFlight--;
            RuntimeException told = ar.failed() ? failure.apply(ar.cause()) : null;
            group.forEach(r -> r.finish(told));
            schedule();
        }));
    }
}
