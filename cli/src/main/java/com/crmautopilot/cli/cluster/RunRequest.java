package com.crmautopilot.cli.cluster;

import java.util.List;
import java.util.Map;

/**
 * How to run an uploaded jar ({@code POST /jars/:jarid/run}).
 *
 * @param entryClass            the main class; null to use the jar manifest's Main-Class
 * @param args                  the program arguments
 * @param parallelism           the job's default parallelism; null for the cluster's
 * @param savepointPath         a savepoint or retained checkpoint to restore from; null to start empty
 * @param allowNonRestoredState whether state in the savepoint that no operator claims may be dropped. False unless
 *                              a user asks: dropping state silently is how an upgrade loses data
 * @param flinkConfiguration    job-level configuration on top of the cluster's
 */
public record RunRequest(
        String entryClass,
        List<String> args,
        Integer parallelism,
        String savepointPath,
        boolean allowNonRestoredState,
        Map<String, String> flinkConfiguration) {

    public RunRequest {
        args = List.copyOf(args);
        flinkConfiguration = Map.copyOf(flinkConfiguration);
        if (parallelism != null && parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    public static RunRequest of(String entryClass, List<String> args) {
        return new RunRequest(entryClass, args, null, null, false, Map.of());
    }

    public RunRequest withArgs(List<String> newArgs) {
        return new RunRequest(entryClass, newArgs, parallelism, savepointPath, allowNonRestoredState, flinkConfiguration);
    }

    public RunRequest withParallelism(Integer newParallelism) {
        return new RunRequest(entryClass, args, newParallelism, savepointPath, allowNonRestoredState, flinkConfiguration);
    }

    public RunRequest fromSavepoint(String path) {
        return new RunRequest(entryClass, args, parallelism, path, allowNonRestoredState, flinkConfiguration);
    }

    public RunRequest allowingNonRestoredState(boolean allow) {
        return new RunRequest(entryClass, args, parallelism, savepointPath, allow, flinkConfiguration);
    }

    public RunRequest withConfiguration(Map<String, String> configuration) {
        return new RunRequest(entryClass, args, parallelism, savepointPath, allowNonRestoredState, configuration);
    }
}
