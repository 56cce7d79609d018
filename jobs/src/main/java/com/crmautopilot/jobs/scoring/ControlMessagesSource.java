package com.crmautopilot.jobs.scoring;

import com.crmautopilot.operators.scoring.ControlMessage;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded source of control messages held in memory: for tests, and for a demo that announces its model. The
 * messages travel in the job graph in Flink's own serialized form, as the records are not Java-serializable.
 */
public final class ControlMessagesSource {

    private ControlMessagesSource() {
    }

    /** @param messages at least one: a generator of no records still asks for record 0 */
    public static DataGeneratorSource<ControlMessage> of(List<ControlMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a control source needs at least one message");
        }
        TypeSerializer<ControlMessage> serializer = serializer();
        List<byte[]> serialized = new ArrayList<>(messages.size());
        for (ControlMessage message : messages) {
            DataOutputSerializer out = new DataOutputSerializer(1024);
            try {
                serializer.serialize(message, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            serialized.add(out.getCopyOfBuffer());
        }
        return new DataGeneratorSource<>(new ByIndex(serialized), serialized.size(), ControlMessage.TYPE);
    }

    private static TypeSerializer<ControlMessage> serializer() {
        SerializerConfigImpl noGenerics = new SerializerConfigImpl();
        noGenerics.setGenericTypes(false);
        return ControlMessage.TYPE.createSerializer(noGenerics);
    }

    private static final class ByIndex implements GeneratorFunction<Long, ControlMessage> {
        private static final long serialVersionUID = 1L;

        private final List<byte[]> messages;
        private transient TypeSerializer<ControlMessage> serializer;

        ByIndex(List<byte[]> messages) {
            this.messages = messages;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            serializer = serializer();
        }

        @Override
        public ControlMessage map(Long index) throws IOException {
            return serializer.deserialize(new DataInputDeserializer(messages.get(Math.toIntExact(index))));
        }
    }
}
