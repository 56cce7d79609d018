package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static com.crmautopilot.operators.suggest.SuggestFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextAndEscapingTest {

    private static final SuggestionTemplates TEMPLATES = SuggestionTemplates.defaults();
    private static final NotificationFactory FACTORY = new NotificationFactory("https://crm.example.com/");

    @Test
    void rendersTheIssuesExampleSentence() {
        SuggestionCandidate stale = withFacts(TriggerType.STALE_ACCOUNT, "Acme Corp", Map.of("days_silent", "34",
                "last_touch_type", "email.sent", "last_touch_by", "Dana", "last_touch_at", "2025-10-02T15:00:00Z"));

        RenderedText text = TEMPLATES.render(stale, ZoneOffset.UTC);

        assertThat(text.title() + ": " + text.text()).isEqualTo(
                "Follow up with Acme Corp: No activity for 34 days; last touch was an email from Dana on Oct 2.");
    }

    @Test
    void formatsDatesInTheUsersZone() {
        SuggestionCandidate stale = withFacts(TriggerType.STALE_ACCOUNT, "Acme", Map.of("days_silent", "3",
                "last_touch_type", "call.logged", "last_touch_by", "Dana", "last_touch_at", "2025-10-02T23:30:00Z"));

        assertThat(TEMPLATES.render(stale, ZoneId.of("UTC")).text()).endsWith("on Oct 2.");
        assertThat(TEMPLATES.render(stale, ZoneId.of("Asia/Tokyo")).text()).endsWith("a call from Dana on Oct 3.");
    }

    @Test
    void leavesOutOptionalPartsWhoseFactsAreMissingAndSaysUnknownForRequiredOnes() {
        SuggestionCandidate bare = withFacts(TriggerType.STALE_ACCOUNT, null, Map.of());

        RenderedText text = TEMPLATES.render(bare, ZoneOffset.UTC);

        assertThat(text.title()).isEqualTo("Follow up with acct-1");
        assertThat(text.text()).isEqualTo("No activity for unknown days.");
    }

    @Test
    void everyTriggerTypeHasATemplateThatRendersWithoutFacts() {
        for (TriggerType type : TriggerType.values()) {
            RenderedText text = TEMPLATES.render(withFacts(type, "X", Map.of()), ZoneOffset.UTC);
            assertThat(text.title()).as(type.wireName()).contains("X").doesNotContain("{").doesNotContain("[");
            assertThat(text.text()).as(type.wireName()).doesNotContain("{").doesNotContain("[");
        }
    }

    @Test
    void labelsEachItemOfAListAndReadsTheTriggersOwnFacts() {
        RenderedText missing = TEMPLATES.render(withFacts(TriggerType.MISSING_DATA, "Acme",
                Map.of("missing_fields", "annual_revenue,industry", "open_opportunities", "1")), ZoneOffset.UTC);
        RenderedText tier = TEMPLATES.render(withFacts(TriggerType.HOT_LEAD, "Lee",
                Map.of("reason", "entered_hot_tier", "previous_tier", "warm", "score", "86")), ZoneOffset.UTC);
        RenderedText burst = TEMPLATES.render(withFacts(TriggerType.HOT_LEAD, "Lee",
                Map.of("engagements", "4", "window_hours", "24")), ZoneOffset.UTC);

        assertThat(missing.text()).isEqualTo("It has an open opportunity but no annual revenue, industry on record.");
        assertThat(tier.text()).isEqualTo("Engagement is up; the score is 86, up from warm. Reach out while they are engaged.");
        assertThat(burst.text()).isEqualTo("Engagement is up: 4 opens, clicks or visits in 24 hours. Reach out while they are engaged.");
    }

    @Test
    void controlCharactersCannotInjectMailHeaders() {
        RenderedText text = TEMPLATES.render(withFacts(TriggerType.STALE_ACCOUNT, "Acme\r\nBcc: all@corp.com",
                Map.of()), ZoneOffset.UTC);

        assertThat(text.title()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void htmlEscapingDisarmsMarkup() {
        assertThat(ChannelEscaping.html("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }

    @Test
    void slackEscapingLeavesNoFormattingCharacterOrAngleBracket() {
        String escaped = ChannelEscaping.slack("*bold* _it_ ~s~ `c` <!channel> <https://evil|x> & done");

        assertThat(escaped).doesNotContain("*", "_", "~", "`", "<", ">")
                .contains("&lt;!channel&gt;").contains("&amp; done").contains("\uFF0Abold\uFF0A");
    }

    @Test
    void eachChannelRendersAHostileEntityHarmlessly() {
        var suggestion = SuggestionPlanner.defaults().plan(
                withFacts(TriggerType.STALE_ACCOUNT, "<script>*bold*</script>", Map.of("days_silent", "9")),
                new EffectivePreferences(true, true, true, Set.of(), com.crmautopilot.models.suggest.Priority.MEDIUM,
                        null, ZoneOffset.UTC, 8, "a@b.c", "https://hooks.slack.com/x"),
                AcceptanceModel.Learned.NEUTRAL).suggestion();
        EffectivePreferences prefs = EffectivePreferences.BUILT_IN;

        Notification email = FACTORY.push(suggestion, Channel.EMAIL, prefs, null, T0);
        Notification slack = FACTORY.push(suggestion, Channel.SLACK, prefs, null, T0);
        Notification inapp = FACTORY.push(suggestion, Channel.INAPP, prefs, null, T0);

        assertThat(email.markupBody()).doesNotContain("<script>").contains("&lt;script&gt;*bold*&lt;/script&gt;");
        assertThat(slack.markupBody()).doesNotContain("<script>").doesNotContain("*bold*")
                .contains("&lt;script&gt;\uFF0Abold\uFF0A&lt;/script&gt;");
        assertThat(inapp.markupBody()).isNull();
        assertThat(inapp.subject()).isEqualTo("Follow up with <script>*bold*</script>");
        assertThat(email.notificationId()).isEqualTo(SuggestionIds.notification(suggestion.suggestionId(), Channel.EMAIL));
        assertThat(email.textBody()).endsWith("https://crm.example.com/accounts/acct-1");
    }

    @Test
    void slackLinksKeepUnderscoresButCannotBreakOutOfTheLink() {
        assertThat(ChannelEscaping.slackUrl("https://crm.example.com/leads/lead_1?a=1&b=<x>|y"))
                .isEqualTo("https://crm.example.com/leads/lead_1?a=1&amp;b=&lt;x&gt;%7Cy");
    }

    @Test
    void candidatesMissingWhatTheEngineKeysOnAreRejectedByTheGate() {
        SuggestionCandidate good = withFacts(TriggerType.STALE_ACCOUNT, "A", Map.of());
        SuggestionCandidate noTime = new SuggestionCandidate(good.suggestionId(), "t1", "u", "account", "acct-1", "A",
                "stale_account", null, null, false, null, null, null, null);
        SuggestionCandidate noTenant = new SuggestionCandidate(good.suggestionId(), " ", "u", "account", "acct-1", "A",
                "stale_account", good.firedAt(), null, false, null, null, null, null);

        assertThat(CandidateGate.isUsable(good)).isTrue();
        assertThat(CandidateGate.isUsable(noTime)).isFalse();
        assertThat(CandidateGate.isUsable(noTenant)).isFalse();
    }

    @Test
    void linksEncodeTheEntityId() {
        var suggestion = SuggestionPlanner.defaults().plan(withFacts(TriggerType.DEAL_STALLED, "D", Map.of()),
                EffectivePreferences.BUILT_IN, AcceptanceModel.Learned.NEUTRAL).suggestion();
        var odd = new com.crmautopilot.models.suggest.Suggestion(suggestion.suggestionId(), "t1", "u",
                "opportunity", "a/b?c=\"d\"", "D", "deal_stalled", "t", "x", "low", 0.1, null, "active", null, T0);

        assertThat(FACTORY.link(odd)).isEqualTo("https://crm.example.com/opportunities/a%2Fb%3Fc%3D%22d%22");
    }

    @Test
    void theConfCopyAndTheClasspathCopyAreTheSame() throws Exception {
        Path conf = Path.of("..", "conf", SuggestionTemplates.RESOURCE);
        Path classpath = Path.of("src", "main", "resources", SuggestionTemplates.RESOURCE);

        assertThat(Files.readString(conf)).isEqualTo(Files.readString(classpath));
        SuggestionTemplates.fromFile(conf);
    }

    @Test
    void aTemplateFileMissingATriggerFailsAtLoadNamingIt() {
        assertThatThrownBy(() -> SuggestionTemplates.fromYaml("templates:\n  stale_account:\n    title: a\n    text: b\n",
                "test.yaml")).hasMessageContaining("test.yaml").hasMessageContaining("inactive_lead");
    }

    private static SuggestionCandidate withFacts(TriggerType type, String name, Map<String, String> facts) {
        String entity = type.entityKind().wireName().equals("account") ? "acct-1" : "e-1";
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        return new SuggestionCandidate(SuggestionIds.of("t1", type, entity, at), "t1", "user-01",
                type.entityKind().wireName(), entity, name, type.wireName(), at, at, false, facts, null, null, null);
    }
}
