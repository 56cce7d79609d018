package com.crmautopilot.cep.deal;

import java.util.List;

/**
 * The open stages of a deal, in order, as the CRM (and the simulator) names them. A stage outside this list is kept
 * as text but has no rank, so no stage-order rule applies to it.
 */
public final class DealStages {

    public static final List<String> ORDER = List.of("prospecting", "qualification", "proposal", "negotiation");
    public static final int UNRANKED = -1;

    private DealStages() {
    }

    public static int rank(String stage) {
        return stage == null ? UNRANKED : ORDER.indexOf(stage);
    }

    /** Fails at config load for a stage name no rule could ever match. */
    public static int requireRank(String stage, String parameter) {
        int rank = rank(stage);
        if (rank == UNRANKED) {
            throw new IllegalArgumentException(parameter + ": unknown stage " + stage + ", expected one of " + ORDER);
        }
        return rank;
    }
}
