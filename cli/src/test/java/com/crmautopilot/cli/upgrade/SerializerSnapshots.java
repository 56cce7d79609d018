package com.crmautopilot.cli.upgrade;

import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a savepoint says about how its state was serialized: serializer snapshots as a readable tree, the
 * fields of POJO serializers, and every place where Kryo stands in for a real serializer. Kryo state cannot evolve,
 * so its presence is what breaks restores after a class changes.
 */
final class SerializerSnapshots {

    private SerializerSnapshots() {
    }

    /** e.g. {@code POJO LeadProfileState{tenantId: String, buckets: List<POJO WindowBucket{...}>, ...}}. */
    static String describe(TypeSerializerSnapshot<?> snapshot) {
        if (snapshot instanceof PojoSerializerSnapshot<?> pojo) {
            List<String> fields = new ArrayList<>();
            pojoFields(pojo).forEach((name, field) -> fields.add(name + ": " + (field == null ? "?" : describe(field))));
            return "POJO " + simpleName(pojoClassName(pojo)) + "{" + String.join(", ", fields) + "}";
        }
        String name = snapshot.getClass().getSimpleName().replace("SerializerSnapshot", "").replace("Snapshot", "");
        if (snapshot instanceof CompositeTypeSerializerSnapshot<?, ?> composite) {
            List<String> nested = new ArrayList<>();
            for (TypeSerializerSnapshot<?> inner : composite.getNestedSerializerSnapshots()) {
                nested.add(describe(inner));
            }
            return name + "<" + String.join(", ", nested) + ">";
        }
        return name;
    }

    /** Paths to every Kryo serializer in the tree, e.g. {@code lead-profile/buckets}; empty when there is none. */
    static List<String> kryoUsages(String path, TypeSerializerSnapshot<?> snapshot) {
        List<String> found = new ArrayList<>();
        if (snapshot == null) {
            return found;
        }
        if (snapshot.getClass().getName().toLowerCase().contains("kryo")) {
            found.add(path);
        }
        if (snapshot instanceof PojoSerializerSnapshot<?> pojo) {
            pojoFields(pojo).forEach((name, field) -> found.addAll(kryoUsages(path + "/" + name, field)));
        } else if (snapshot instanceof CompositeTypeSerializerSnapshot<?, ?> composite) {
            TypeSerializerSnapshot<?>[] nested = composite.getNestedSerializerSnapshots();
            for (int i = 0; i < nested.length; i++) {
                found.addAll(kryoUsages(path + "[" + i + "]", nested[i]));
            }
        }
        return found;
    }

    /**
     * The fields a POJO serializer snapshot recorded, in order, with their serializers. A field the current class no
     * longer has is still listed (with its serializer), which is how POJO schema evolution knows it was removed.
     */
    static Map<String, TypeSerializerSnapshot<?>> pojoFields(PojoSerializerSnapshot<?> snapshot) {
        try {
            Object data = snapshotData(snapshot);
            Method getFields = data.getClass().getDeclaredMethod("getFieldSerializerSnapshots");
            getFields.setAccessible(true);
            Object optionalMap = getFields.invoke(data);
            Field underlying = optionalMap.getClass().getDeclaredField("underlyingMap");
            underlying.setAccessible(true);
            Map<String, TypeSerializerSnapshot<?>> fields = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) underlying.get(optionalMap)).entrySet()) {
                Object keyValue = entry.getValue();
                Method value = keyValue.getClass().getMethod("getValue");
                fields.put((String) entry.getKey(), (TypeSerializerSnapshot<?>) value.invoke(keyValue));
            }
            return fields;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Flink's PojoSerializerSnapshot changed shape; update "
                    + SerializerSnapshots.class.getSimpleName(), e);
        }
    }

    static String pojoClassName(PojoSerializerSnapshot<?> snapshot) {
        try {
            Object data = snapshotData(snapshot);
            Method getClass = data.getClass().getDeclaredMethod("getPojoClass");
            getClass.setAccessible(true);
            Class<?> pojoClass = (Class<?>) getClass.invoke(data);
            return pojoClass == null ? "?" : pojoClass.getName();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Flink's PojoSerializerSnapshot changed shape", e);
        }
    }

    private static Object snapshotData(PojoSerializerSnapshot<?> snapshot) throws ReflectiveOperationException {
        Field field = PojoSerializerSnapshot.class.getDeclaredField("snapshotData");
        field.setAccessible(true);
        return field.get(snapshot);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
