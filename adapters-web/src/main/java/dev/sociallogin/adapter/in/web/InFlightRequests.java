package dev.sociallogin.adapter.in.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Counts the requests being served, from the moment Tomcat hands one to the engine until it is
 * done (also when it continued asynchronously): the graceful stop waits on this count instead of
 * polling.
 */
final class InFlightRequests extends ValveBase {

    private int count;

    InFlightRequests() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.isAsyncDispatching()) {
            // the continuation of a request already counted
            getNext().invoke(request, response);
            return;
        }
        synchronized (this) {
            count++;
        }
        try {
            getNext().invoke(request, response);
        } finally {
            if (request.isAsync()) {
                request.getAsyncContextInternal().addListener(new Done(this));
            } else {
                done();
            }
        }
    }

    synchronized void done() {
        count--;
        notifyAll();
    }

    synchronized int count() {
        return count;
    }

    /** Waits until no request is in flight; false when {@code grace} passed first. */
    synchronized boolean awaitNone(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Ends the count of an asynchronous request when it completes, whichever way. */
    private record Done(InFlightRequests inFlight) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            inFlight.done();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
