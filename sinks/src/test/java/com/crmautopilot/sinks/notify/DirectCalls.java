package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.suggest.Notification;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Calls a delivery function the way the async operator does (open, asyncInvoke, a result future completed from
 * another thread), without a cluster, so a test can read its counters.
 */
final class DirectCalls {

    private DirectCalls() {
    }

    static <F extends RetryingDeliveryFunction> F opened(F function) throws Exception {
        function.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
        function.open(DefaultOpenContext.INSTANCE);
        return function;
    }

    static CompletableFuture<List<DeadLetter>> invoke(RetryingDeliveryFunction function, Notification notification) {
        CompletableFuture<List<DeadLetter>> result = new CompletableFuture<>();
        function.asyncInvoke(notification, new ResultFuture<>() {
            @Override
            public void complete(Collection<DeadLetter> deadLetters) {
                if (!result.complete(List.copyOf(deadLetters))) {
                    result.obtrudeException(new AssertionError("completed twice: " + deadLetters));
                }
            }

            @Override
            public void completeExceptionally(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void complete(CollectionSupplier<DeadLetter> supplier) {
                try {
                    complete(supplier.get());
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            }
        });
        return result;
    }
}
