package com.crmautopilot.cli.upgrade;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyedBackendSerializationProxy;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.flink.runtime.state.OperatorBackendSerializationProxy;
import org.apache.flink.runtime.state.OperatorStateHandle;
import org.apache.flink.runtime.state.StateSerializerProvider;
import org.apache.flink.runtime.state.StreamStateHandle;
import org.apache.flink.runtime.state.metainfo.StateMetaInfoSnapshot;
import org.apache.flink.runtime.state.restore.FullSnapshotRestoreOperation;
import org.apache.flink.runtime.state.restore.KeyGroup;
import org.apache.flink.runtime.state.restore.KeyGroupEntry;
import org.apache.flink.runtime.state.restore.SavepointRestoreResult;
import org.apache.flink.runtime.state.restore.ThrowingIterator;
import org.apache.flink.streaming.api.graph.StreamGraphHasherV2;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a savepoint holds, read straight from its files with Flink's own readers (no job needed): each operator with
 * its uid, size and states, each state with the serializer snapshot it was written with, and the values of keyed
 * states. The savepoint format is the canonical one, which every state backend writes for savepoints.
 */
final class SavepointContents {

    /**
     * @param uid        the operator's uid as the savepoint records it, or its operator id when it does not
     * @param stateBytes the size of its state in the savepoint
     * @param keyed      its keyed states by name (RocksDB timers appear as priority-queue states)
     * @param operator   its operator (non-keyed) and broadcast states by name
     */
    record Operator(String uid, String operatorId, int parallelism, int maxParallelism, long stateBytes,
                    Map<String, StateMetaInfoSnapshot> keyed, Map<String, StateMetaInfoSnapshot> operator,
                    List<KeyedStateHandle> keyedHandles) {
    }

    private final Path directory;
    private final List<Operator> operators;
    private final ClassLoader classLoader;

    private SavepointContents(Path directory, List<Operator> operators, ClassLoader classLoader) {
        this.directory = directory;
        this.operators = operators;
        this.classLoader = classLoader;
    }

    /**
     * @param classLoader resolves the classes named by serializer snapshots (a job's POJOs): the loader of the job
     *                    version whose view of the state is wanted
     */
    static SavepointContents read(Path directory, ClassLoader classLoader) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(classLoader);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(directory.resolve("_metadata")))) {
            CheckpointMetadata metadata = Checkpoints.loadCheckpointMetadata(in, classLoader,
                    directory.toAbsolutePath().toUri().toString());
            List<Operator> operators = new ArrayList<>();
            for (OperatorState state : metadata.getOperatorStates()) {
                operators.add(operator(state, classLoader));
            }
            return new SavepointContents(directory, operators, classLoader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the savepoint at " + directory, e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    Path directory() {
        return directory;
    }

    List<Operator> operators() {
        return operators;
    }

    /** The operator with this uid: by the uid the savepoint recorded, or else by the id Flink derives from it. */
    Optional<Operator> find(String uid) {
        String id = operatorId(uid);
        return operators.stream().filter(o -> o.uid().equals(uid) || o.operatorId().equals(id)).findFirst();
    }

    /** The operator id Flink derives from a uid (what its messages about unmapped state name). */
    static String operatorId(String uid) {
        return new OperatorID(StreamGraphHasherV2.generateUserSpecifiedHash(uid)).toHexString();
    }

    Operator operator(String uid) {
        return find(uid).orElseThrow(() -> new AssertionError("No state of operator " + uid + " in " + directory
                + "; operators with state: " + operators.stream().map(Operator::uid).toList()));
    }

    /** The bytes of the savepoint's files. */
    long bytesOnDisk() {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(SavepointContents::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serializer snapshot a state's values were written with. */
    TypeSerializerSnapshot<?> valueSerializer(String uid, String stateName) {
        StateMetaInfoSnapshot state = operator(uid).keyed().get(stateName);
        if (state == null) {
            state = operator(uid).operator().get(stateName);
        }
        if (state == null) {
            throw new AssertionError("Operator " + uid + " has no state " + stateName + "; it has "
                    + operator(uid).keyed().keySet() + " " + operator(uid).operator().keySet());
        }
        return state.getTypeSerializerSnapshot(StateMetaInfoSnapshot.CommonSerializerKeys.VALUE_SERIALIZER);
    }

    /** Every value of a keyed value state (one per key), deserialized with the serializer the savepoint recorded. */
    List<Object> keyedValues(String uid, String stateName) {
        List<Object> values = new ArrayList<>();
        forEachKeyedEntry(uid, stateName, (serializer, bytes) ->
                values.add(serializer.deserialize(new DataInputDeserializer(bytes))));
        return values;
    }

    /**
     * How many entries a keyed state holds: one per key for value and list states (a list's elements share one
     * entry, in a delimited format its list serializer does not read), one per key and map key for map states.
     */
    int keyedEntries(String uid, String stateName) {
        int[] count = {0};
        forEachKeyedEntry(uid, stateName, (serializer, bytes) -> count[0]++);
        return count[0];
    }

    private interface EntryVisitor {
        void visit(TypeSerializer<?> valueSerializer, byte[] value) throws Exception;
    }

    private void forEachKeyedEntry(String uid, String stateName, EntryVisitor visitor) {
        Operator op = operator(uid);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(classLoader);
        try {
            // Our jobs key every stream by String (TenantKeys).
            FullSnapshotRestoreOperation<String> restore = new FullSnapshotRestoreOperation<>(
                    KeyGroupRange.of(0, op.maxParallelism() - 1), classLoader, op.keyedHandles(),
                    StateSerializerProvider.fromNewRegisteredSerializer(StringSerializer.INSTANCE));
            try (ThrowingIterator<SavepointRestoreResult> handles = restore.restore()) {
                while (handles.hasNext()) {
                    SavepointRestoreResult result = handles.next();
                    List<StateMetaInfoSnapshot> states = result.getStateMetaInfoSnapshots();
                    int stateId = -1;
                    for (int i = 0; i < states.size(); i++) {
                        if (states.get(i).getName().equals(stateName)) {
                            stateId = i;
                        }
                    }
                    if (stateId < 0) {
                        continue;
                    }
                    TypeSerializer<?> serializer = states.get(stateId)
                            .getTypeSerializerSnapshot(StateMetaInfoSnapshot.CommonSerializerKeys.VALUE_SERIALIZER)
                            .restoreSerializer();
                    try (ThrowingIterator<KeyGroup> groups = result.getRestoredKeyGroups()) {
                        while (groups.hasNext()) {
                            try (ThrowingIterator<KeyGroupEntry> entries = groups.next().getKeyGroupEntries()) {
                                while (entries.hasNext()) {
                                    KeyGroupEntry entry = entries.next();
                                    if (entry.getKvStateId() == stateId) {
                                        visitor.visit(serializer, entry.getValue());
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not read state " + stateName + " of " + uid + " in " + directory, e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Operator operator(OperatorState state, ClassLoader classLoader) throws IOException {
        Map<String, StateMetaInfoSnapshot> keyed = new LinkedHashMap<>();
        Map<String, StateMetaInfoSnapshot> operatorStates = new LinkedHashMap<>();
        List<KeyedStateHandle> keyedHandles = new ArrayList<>();
        for (OperatorSubtaskState subtask : state.getStates()) {
            for (KeyedStateHandle handle : subtask.getManagedKeyedState()) {
                keyedHandles.add(handle);
                if (handle instanceof StreamStateHandle stream) {
                    try (InputStream in = stream.openInputStream()) {
                        KeyedBackendSerializationProxy<?> proxy = new KeyedBackendSerializationProxy<>(classLoader);
                        proxy.read(new DataInputViewStreamWrapper(in));
                        proxy.getStateMetaInfoSnapshots().forEach(s -> keyed.putIfAbsent(s.getName(), s));
                    }
                }
            }
            for (OperatorStateHandle handle : subtask.getManagedOperatorState()) {
                try (InputStream in = handle.openInputStream()) {
                    OperatorBackendSerializationProxy proxy = new OperatorBackendSerializationProxy(classLoader);
                    proxy.read(new DataInputViewStreamWrapper(in));
                    proxy.getOperatorStateMetaInfoSnapshots().forEach(s -> operatorStates.putIfAbsent(s.getName(), s));
                    proxy.getBroadcastStateMetaInfoSnapshots().forEach(s -> operatorStates.putIfAbsent(s.getName(), s));
                }
            }
        }
        String id = state.getOperatorID().toHexString();
        return new Operator(state.getOperatorUid().orElse(id), id, state.getParallelism(), state.getMaxParallelism(),
                state.getStateSize(), keyed, operatorStates, keyedHandles);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
