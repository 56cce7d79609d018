package com.crmautopilot.models.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads Universal Binary JSON (the format of XGBoost's {@code .ubj} models) into a Jackson tree, so the serving
 * side can load a model without XGBoost's native library. Covers the full draft-12 value set, including the
 * optimized containers ({@code $} type and {@code #} count) that XGBoost uses for its numeric arrays.
 */
final class UbjsonReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 64;

    private final ByteBuffer in;

    private UbjsonReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    }

    static JsonNode read(byte[] bytes) {
        UbjsonReader reader = new UbjsonReader(bytes);
        try {
            return reader.value(reader.nextMarker(), 0);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("UBJSON ends early at byte " + reader.in.position(), e);
        }
    }

    private byte nextMarker() {
        byte marker;
        do {
            marker = in.get();
        } while (marker == 'N'); // no-op padding
        return marker;
    }

    private JsonNode value(byte marker, int depth) {
        return switch (marker) {
            case 'Z' -> NODES.nullNode();
            case 'T' -> NODES.booleanNode(true);
            case 'F' -> NODES.booleanNode(false);
            case 'i' -> NODES.numberNode(in.get());
            case 'U' -> NODES.numberNode(in.get() & 0xFF);
            case 'I' -> NODES.numberNode(in.getShort());
            case 'l' -> NODES.numberNode(in.getInt());
            case 'L' -> NODES.numberNode(in.getLong());
            case 'd' -> NODES.numberNode(in.getFloat());
            case 'D' -> NODES.numberNode(in.getDouble());
            case 'C' -> NODES.textNode(String.valueOf((char) (in.get() & 0xFF)));
            case 'S', 'H' -> NODES.textNode(string());
            case '[' -> array(depth + 1);
            case '{' -> object(depth + 1);
            default -> throw new IllegalArgumentException(
                    "unknown UBJSON marker 0x" + Integer.toHexString(marker & 0xFF) + " at byte " + (in.position() - 1));
        };
    }

    private String string() {
        long length = length(in.get());
        byte[] bytes = new byte[checkedLength(length)];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private long length(byte marker) {
        long length = switch (marker) {
            case 'i' -> in.get();
            case 'U' -> in.get() & 0xFF;
            case 'I' -> in.getShort();
            case 'l' -> in.getInt();
            case 'L' -> in.getLong();
            default -> throw new IllegalArgumentException("a length cannot have marker " + (char) marker);
        };
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        return length;
    }

    private int checkedLength(long length) {
        if (length > in.remaining()) {
            throw new IllegalArgumentException("length " + length + " exceeds the remaining " + in.remaining() + " bytes");
        }
        return (int) length;
    }

    private ArrayNode array(int depth) {
        checkDepth(depth);
        ArrayNode array = NODES.arrayNode();
        byte type = 0;
        long count = -1;
        byte marker = nextMarker();
        if (marker == '$') {
            type = in.get();
            marker = in.get();
            if (marker != '#') {
                throw new IllegalArgumentException("a typed array needs a count");
            }
        }
        if (marker == '#') {
            count = length(in.get());
            checkedLength(count); // every element takes at least a byte, or none for fixed-value types
            for (long i = 0; i < count; i++) {
                array.add(value(type != 0 ? type : nextMarker(), depth));
            }
            return array;
        }
        while (marker != ']') {
            array.add(value(marker, depth));
            marker = nextMarker();
        }
        return array;
    }

    private ObjectNode object(int depth) {
        checkDepth(depth);
        ObjectNode object = NODES.objectNode();
        byte type = 0;
        long count = -1;
        byte marker = in.get();
        if (marker == '$') {
            type = in.get();
            marker = in.get();
            if (marker != '#') {
                throw new IllegalArgumentException("a typed object needs a count");
            }
        }
        if (marker == '#') {
            count = length(in.get());
            checkedLength(count);
            for (long i = 0; i < count; i++) {
                String key = key(in.get());
                object.set(key, value(type != 0 ? type : nextMarker(), depth));
            }
            return object;
        }
        while (marker != '}') {
            String key = key(marker);
            object.set(key, value(nextMarker(), depth));
            marker = in.get();
        }
        return object;
    }

    /** Keys are strings without the 'S' marker: a length marker, a length, then UTF-8 bytes. */
    private String key(byte lengthMarker) {
        byte[] bytes = new byte[checkedLength(length(lengthMarker))];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("UBJSON nests deeper than " + MAX_DEPTH);
        }
    }
}
