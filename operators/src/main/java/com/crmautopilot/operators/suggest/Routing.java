package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.Priority;

import java.util.ArrayList;
import java.util.List;

/**
 * Which channels a suggestion goes to. By band: high to in-app and email now (and Slack when the user switched it
 * on and gave a webhook), medium to in-app, low to the daily digest. Then preferences: a muted trigger type or a
 * band under the user's minimum push priority goes to the digest only; a channel the user switched off (or has no
 * address for) is skipped. A suggestion that would reach no channel goes to the digest: nothing is dropped
 * silently.
 */
public final class Routing {

    private Routing() {
    }

    public static List<Channel> route(Priority priority, String triggerType, EffectivePreferences preferences) {
        if (priority == Priority.LOW || preferences.muted(triggerType)
                || !priority.atLeast(preferences.minPushPriority())) {
            return List.of(Channel.DIGEST);
        }
        List<Channel> channels = new ArrayList<>(3);
        if (preferences.inapp()) {
            channels.add(Channel.INAPP);
        }
        if (priority == Priority.HIGH) {
            if (preferences.email() && preferences.emailAddress() != null && !preferences.emailAddress().isBlank()) {
                channels.add(Channel.EMAIL);
            }
            if (preferences.slack() && preferences.slackWebhookUrl() != null && !preferences.slackWebhookUrl().isBlank()) {
                channels.add(Channel.SLACK);
            }
        }
        return channels.isEmpty() ? List.of(Channel.DIGEST) : List.copyOf(channels);
    }

    public static boolean isPush(Channel channel) {
        return channel != Channel.DIGEST;
    }
}
