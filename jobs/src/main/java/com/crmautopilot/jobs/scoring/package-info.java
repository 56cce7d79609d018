/**
 * Lead scoring's wiring: {@link com.crmautopilot.jobs.scoring.LeadScoringPipeline#attach} takes the ingestion's
 * profile stream and the control stream and returns {@link com.crmautopilot.jobs.scoring.LeadScoringStreams}
 * (scores, tier changes, dead letters); {@link com.crmautopilot.jobs.scoring.LeadScoringPipeline#controlMessages}
 * builds the control stream from its two sources with {@link com.crmautopilot.operators.time.ControlWatermarks}
 * (control records never hold back event time); {@link com.crmautopilot.jobs.scoring.ScoringKafka} has the Kafka
 * sources and sinks; {@link com.crmautopilot.jobs.scoring.LeadScoringSettings} the typed settings and their keys;
 * {@link com.crmautopilot.jobs.scoring.ScoringUids} the stable uids;
 * {@link com.crmautopilot.jobs.scoring.ControlMessagesSource} a bounded in-memory control source for tests and demos.
 */
package com.crmautopilot.jobs.scoring;
