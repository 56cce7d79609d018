package com.crmautopilot.cep.deal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The frame of the per-trigger deal tests: each test starts from an empty {@link DealHarness} with the built-in
 * defaults (so every test sees all six triggers, as the jobs do, and filters by type).
 */
abstract class DealTriggerTestCase {

    protected DealHarness deals;

    @BeforeEach
    void openDeals() throws Exception {
        deals = DealHarness.open();
    }

    @AfterEach
    void closeDeals() throws Exception {
        deals.close();
    }
}
