package com.crmautopilot.cli.upgrade;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names one run of a job uses on the shared broker, so that runs never read or commit each other's data.
 *
 * @param id                    unique per run; suffixes every name
 * @param outputTopics          the run's topic for each output's logical name
 * @param transactionalIdPrefix unique per run: two live jobs with one prefix fence each other's transactions
 */
record JobRun(String id, String bootstrapServers, String inputTopic, Map<String, String> outputTopics, String groupId,
              String transactionalIdPrefix) {

    JobRun {
        outputTopics = Map.copyOf(outputTopics);
    }

    static JobRun named(String id, String bootstrapServers, String inputTopic, List<String> outputs) {
        Map<String, String> topics = new LinkedHashMap<>();
        outputs.forEach(output -> topics.put(output, output + "." + id));
        return new JobRun(id, bootstrapServers, inputTopic, topics, "group-" + id, "tx-" + id);
    }

    String outputTopic(String output) {
        String topic = outputTopics.get(output);
        if (topic == null) {
            throw new IllegalArgumentException("No output " + output + " in run " + id + ": " + outputTopics.keySet());
        }
        return topic;
    }

    /** The run's topics mapped back to the outputs' logical names, for {@link CommittedOutputs}. */
    Map<String, String> outputByTopic() {
        Map<String, String> byTopic = new LinkedHashMap<>();
        outputTopics.forEach((output, topic) -> byTopic.put(topic, output));
        return byTopic;
    }
}
