package com.crmautopilot.cli.cluster;

/**
 * A TaskManager registered with the cluster ({@code GET /taskmanagers}).
 *
 * @param id    its resource id; the local cluster names them {@code taskmanager-1}, {@code taskmanager-2}, ...
 * @param slots task slots it offers
 * @param freeSlots slots not running any task
 */
public record TaskManagerInfo(String id, int slots, int freeSlots) {
}
