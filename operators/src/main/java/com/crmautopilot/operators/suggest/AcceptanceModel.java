package com.crmautopilot.operators.suggest;

import java.io.Serializable;

/**
 * The learned acceptance of one user for one trigger type: the mean of a Beta posterior whose prior is the
 * tenant's, shrunk toward one half.
 *
 * <pre>
 * tenant mean  m      = (1 + S) / (2 + S + F)             S, F: the tenant's pooled successes and failures
 * prior               = Beta(n0 * m, n0 * (1 - m))        n0 = priorStrength pseudo-observations (default 4)
 * posterior           = Beta(n0 * m + s, n0 * (1 - m) + f) s, f: this user's own successes and failures
 * acceptance          = (n0 * m + s) / (n0 + s + f)
 * </pre>
 *
 * A new user starts at their tenant's mean (one half in a new tenant) and moves to their own rate as their
 * answers outweigh the {@code n0} pseudo-observations. The user is <em>demoted</em> for the type, whatever the
 * formula gives, once they have at least {@code demoteAfter} own answers and an acceptance below
 * {@code demoteBelow}: the type then reaches them only through the digest, never dropped.
 */
public record AcceptanceModel(double priorStrength, double demoteBelow, double demoteAfter) implements Serializable {

    public static AcceptanceModel defaults() {
        return new AcceptanceModel(4, 0.25, 4);
    }

    public AcceptanceModel {
        if (!(priorStrength > 0) || demoteBelow < 0 || demoteBelow > 1 || demoteAfter < 0) {
            throw new IllegalArgumentException("bad acceptance model " + priorStrength + ", " + demoteBelow + ", " + demoteAfter);
        }
    }

    /** The posterior mean acceptance in (0, 1). */
    public double acceptance(double tenantSuccesses, double tenantFailures, double userSuccesses, double userFailures) {
        double tenantMean = (1 + tenantSuccesses) / (2 + tenantSuccesses + tenantFailures);
        return (priorStrength * tenantMean + userSuccesses) / (priorStrength + userSuccesses + userFailures);
    }

    public Learned learned(AcceptanceCounts tenant, AcceptanceCounts user, int type) {
        double ts = tenant == null ? 0 : tenant.successes(type);
        double tf = tenant == null ? 0 : tenant.failures(type);
        double us = user == null ? 0 : user.successes(type);
        double uf = user == null ? 0 : user.failures(type);
        double acceptance = acceptance(ts, tf, us, uf);
        return new Learned(acceptance, us + uf >= demoteAfter && acceptance < demoteBelow);
    }

    /** What learning says of one user and type: the acceptance, and whether the type is demoted to the digest. */
    public record Learned(double acceptance, boolean demoted) {
        public static final Learned NEUTRAL = new Learned(0.5, false);
    }
}
