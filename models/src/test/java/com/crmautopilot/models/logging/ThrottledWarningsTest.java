package com.crmautopilot.models.logging;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThrottledWarningsTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    /** What reached the logger's warn(String, Object...): the format, then the arguments. */
    private final List<List<Object>> logged = new ArrayList<>();
    private final ThrottledWarnings warnings = new ThrottledWarnings(recordingLogger(), Duration.ofMinutes(1),
            nanos::get);

    @Test
    void theFirstIsLoggedThenAtMostOnePerIntervalCountingWhatWasLeftOut() {
        assertThat(warnings.warn("record {} unreadable", 1)).isTrue();
        assertThat(warnings.warn("record {} unreadable", 2)).isFalse();
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(warnings.warn("record {} unreadable", 3)).isFalse();
        assertThat(warnings.leftOut()).isEqualTo(2);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        IllegalStateException why = new IllegalStateException("why");
        assertThat(warnings.warn("record {} unreadable", 4, why)).isTrue();
        assertThat(warnings.leftOut()).isZero();
        assertThat(warnings.warn("record {} unreadable", 5)).isFalse();

        assertThat(logged).containsExactly(
                List.of("record {} unreadable", 1),
                List.of("record {} unreadable (2 more like it since the last such warning)", 4, why));
    }

    /** A logger that keeps each warn(String, Object...) call; every other call is ignored. */
    private Logger recordingLogger() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("warn") && args.length == 2 && args[1] instanceof Object[] rest) {
                        List<Object> call = new ArrayList<>();
                        call.add(args[0]);
                        call.addAll(Arrays.asList(rest));
                        logged.add(call);
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });
    }

    @Test
    void aZeroIntervalLogsEveryOneAndANegativeOneIsRefused() {
        ThrottledWarnings every = new ThrottledWarnings(LoggerFactory.getLogger(getClass()), Duration.ZERO,
                nanos::get);
        assertThat(every.warn("a")).isTrue();
        assertThat(every.warn("b")).isTrue();
        assertThatThrownBy(() -> new ThrottledWarnings(LoggerFactory.getLogger(getClass()), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
