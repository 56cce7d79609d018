package com.crmautopilot.sinks.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server standing in for Slack's incoming webhooks, on the loopback interface. Each path answers from
 * its own script (500, 429 with Retry-After, a hang past the client's timeout...) and then with its default
 * answer. It records every request, and what it answered.
 */
final class SlackReceiver implements AutoCloseable {

    /** One scripted answer. */
    record Answer(int status, String body, Map<String, String> headers, Duration hang) {

        static Answer ok() {
            return new Answer(200, "ok", Map.of(), Duration.ZERO);
        }

        static Answer status(int status, String body) {
            return new Answer(status, body, Map.of(), Duration.ZERO);
        }

        static Answer tooManyRequests(int retryAfterSeconds) {
            return new Answer(429, "rate_limited", Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                    Duration.ZERO);
        }

        /** Holds the request past the client's timeout, then answers 503 to a client that has gone. */
        static Answer hang(Duration duration) {
            return new Answer(503, "too slow", Map.of(), duration);
        }
    }

    /** One request as received. */
    record Request(String path, String notificationId, String body, long arrivedNanos, int answered) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Answer> defaults = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    SlackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** {@code http://127.0.0.1:port/path}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void script(String path, Answer... answers) {
        scripts.put(path, new ConcurrentLinkedDeque<>(List.of(answers)));
    }

    void answerAlways(String path, Answer answer) {
        defaults.put(path, answer);
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Waits until {@code count} requests were answered (a hung one is recorded when it ends). */
    List<Request> awaitRequests(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (requests().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return requests();
    }

    /** The requests this receiver answered 2xx, that is the messages Slack would have posted. */
    List<Request> delivered() {
        return requests().stream().filter(request -> request.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Deque<Answer> script = scripts.get(path);
        Answer scripted = script == null ? null : script.pollFirst();
        Answer answer = scripted != null ? scripted : defaults.getOrDefault(path, Answer.ok());
        if (!answer.hang().isZero()) {
            try {
                Thread.sleep(answer.hang().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (requests) {
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst(
                    SlackDeliveryFunction.NOTIFICATION_ID_HEADER), body, arrived, answer.status()));
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // The client timed out and closed the connection: its answer goes nowhere.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
