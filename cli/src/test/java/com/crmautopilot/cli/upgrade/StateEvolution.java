package com.crmautopilot.cli.upgrade;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.runtime.state.metainfo.StateMetaInfoSnapshot;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the savepoints before and after an upgrade must show: the state POJO evolved (a new field, at its default, in
 * every restored value), each state went on from where it was, the new operator's state started empty, and no state
 * is serialized with Kryo.
 */
final class StateEvolution {

    private StateEvolution() {
    }

    /**
     * The POJO's serializer snapshot gained the field, and the state came through the schema migration: every value
     * has the new field at its default, and every lead kept its state and went on from it.
     */
    static void assertTheStatePojoEvolved(UpgradeJobSpec.NextVersion next, SavepointContents before,
                                          SavepointContents after) throws Exception {
        TypeSerializerSnapshot<?> oldSchema = before.valueSerializer(next.stateUid(), next.stateName());
        TypeSerializerSnapshot<?> newSchema = after.valueSerializer(next.stateUid(), next.stateName());
        assertThat(oldSchema).as("version N's %s state is a POJO", next.stateName())
                .isInstanceOf(PojoSerializerSnapshot.class);
        assertThat(newSchema).isInstanceOf(PojoSerializerSnapshot.class);
        Set<String> oldFields = SerializerSnapshots.pojoFields((PojoSerializerSnapshot<?>) oldSchema).keySet();
        Set<String> newFields = SerializerSnapshots.pojoFields((PojoSerializerSnapshot<?>) newSchema).keySet();
        assertThat(oldFields).doesNotContain(next.addedFieldName());
        assertThat(newFields).containsAll(oldFields).contains(next.addedFieldName());

        Map<String, Object> oldStates = byIdentity(before.keyedValues(next.stateUid(), next.stateName()), next);
        Map<String, Object> newStates = byIdentity(after.keyedValues(next.stateUid(), next.stateName()), next);
        assertThat(oldStates).as("version N's savepoint holds %s states", next.stateName()).isNotEmpty();
        Object anyNew = newStates.values().iterator().next();
        Field added = anyNew.getClass().getField(next.addedFieldName());
        Object defaultValue = added.getType().isPrimitive() ? Array.get(Array.newInstance(added.getType(), 1), 0) : null;
        for (Object state : newStates.values()) {
            assertThat(added.get(state)).as("%s of a restored or new state", next.addedFieldName())
                    .isEqualTo(defaultValue);
        }

        long kept = 0;
        long wentOn = 0;
        for (Map.Entry<String, Object> old : oldStates.entrySet()) {
            Object now = newStates.get(old.getKey());
            if (now == null) {
                continue; // cleaned up by the job since (a closed lead); not a loss
            }
            kept++;
            long progressBefore = progress(old.getValue(), next);
            long progressAfter = progress(now, next);
            assertThat(progressAfter).as("%s of %s went on from the savepoint, not from scratch",
                    next.progressField(), old.getKey()).isGreaterThanOrEqualTo(progressBefore);
            if (progressAfter > progressBefore) {
                wentOn++;
            }
        }
        assertThat(kept).as("states restored from version N's savepoint").isGreaterThan(oldStates.size() * 9L / 10);
        assertThat(wentOn).as("restored states that version N+1 carried on").isPositive();
    }

    static void assertTheNewOperatorStartedEmptyAndBuiltState(UpgradeJobSpec.NextVersion next,
                                                              SavepointContents before, SavepointContents after) {
        assertThat(before.find(next.newUid())).as("version N has no operator %s", next.newUid()).isEmpty();
        assertThat(after.operator(next.newUid()).keyed()).as("state of the operator only N+1 has").isNotEmpty();
    }

    static void assertNoStateIsSerializedWithKryo(UpgradeJobSpec spec, SavepointContents savepoint) {
        List<String> kryo = new ArrayList<>();
        for (SavepointContents.Operator op : savepoint.operators()) {
            for (Map<String, StateMetaInfoSnapshot> states : List.of(op.keyed(), op.operator())) {
                states.forEach((name, state) -> state.getSerializerSnapshotsImmutable().forEach((role, snapshot) ->
                        kryo.addAll(SerializerSnapshots.kryoUsages(op.uid() + "/" + name + "/" + role, snapshot))));
            }
        }
        assertThat(kryo).as("state of %s serialized with Kryo, which cannot evolve", spec.name()).isEmpty();
    }

    private static Map<String, Object> byIdentity(List<Object> states, UpgradeJobSpec.NextVersion next)
            throws ReflectiveOperationException {
        Map<String, Object> byIdentity = new HashMap<>();
        for (Object state : states) {
            List<String> identity = new ArrayList<>();
            for (String field : next.identityFields()) {
                identity.add(String.valueOf(state.getClass().getField(field).get(state)));
            }
            byIdentity.put(String.join("/", identity), state);
        }
        return byIdentity;
    }

    private static long progress(Object state, UpgradeJobSpec.NextVersion next) {
        try {
            return ((Number) state.getClass().getField(next.progressField()).get(state)).longValue();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
