package com.crmautopilot.operators.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's model versions in broadcast state: the active one and the ones it can roll back to, oldest first,
 * bounded. The artifacts themselves sit once per version in their own broadcast state, as tenants often share one.
 * A Flink POJO.
 */
public class TenantModels {

    public String tenantId;
    public String activeVersion;
    /** Known versions, least recently active first; the active one is among them (unless it is the default). */
    public List<String> versions = new ArrayList<>();

    public TenantModels() {
    }

    public TenantModels(String tenantId) {
        this.tenantId = tenantId;
    }

    /** A copy: broadcast state values must not be changed in place, every subtask holds its own. */
    public TenantModels copy() {
        TenantModels copy = new TenantModels(tenantId);
        copy.activeVersion = activeVersion;
        copy.versions = new ArrayList<>(versions);
        return copy;
    }

    /**
     * Makes {@code version} active and the most recent, keeping at most {@code maxVersions}: the least recently
     * active ones go first, never the active one.
     *
     * @return the versions dropped
     */
    public List<String> activate(String version, int maxVersions) {
        versions.remove(version);
        versions.add(version);
        activeVersion = version;
        List<String> dropped = new ArrayList<>();
        while (versions.size() > Math.max(1, maxVersions)) {
            dropped.add(versions.remove(0));
        }
        return dropped;
    }

    public boolean knows(String version) {
        return versions.contains(version);
    }
}
