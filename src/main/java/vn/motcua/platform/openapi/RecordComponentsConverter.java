package vn.motcua.platform.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;

/**
 * Records describe their JSON: every component is {@code required} (Jackson always writes it) and, unless it is
 * a primitive or annotated {@code @NonNull}, {@code nullable}; a component annotated {@code @Nullable} (JSpecify or
 * Spring) is optional and nullable.
 */
class RecordComponentsConverter implements ModelConverter {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (resolved == null || type.getType() == null) {
            return resolved;
        }
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (raw == null || !raw.isRecord()) {
            return resolved;
        }
        Schema target = resolved;
        if (resolved.get$ref() != null && context.getDefinedModels() != null) {
            target = context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        }
        if (target == null || target.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent c : raw.getRecordComponents()) {
            String name = jsonName(c);
            Schema property = (Schema) target.getProperties().get(name);
            if (property == null) {
                continue;
            }
            boolean optional = annotated(c, "Nullable");
            boolean nullable = optional || !(c.getType().isPrimitive() || annotated(c, "NonNull"));
            if (optional) {
                if (target.getRequired() != null) {
                    target.getRequired().remove(name);
                }
            } else if (target.getRequired() == null || !target.getRequired().contains(name)) {
                target.addRequiredItem(name);
            }
            if (nullable) {
                if (property.get$ref() != null) {
                    ComposedSchema wrapper = new ComposedSchema();
                    wrapper.setAllOf(List.of(new Schema<>().$ref(property.get$ref())));
                    wrapper.setType("object"); // Redocly: nullable needs a type beside it
                    wrapper.setNullable(true);
                    wrapper.setDescription(property.getDescription());
                    target.getProperties().put(name, wrapper);
                } else {
                    property.setNullable(true);
                }
            }
        }
        return resolved;
    }

    private static String jsonName(RecordComponent c) {
        for (AnnotatedElement e : new AnnotatedElement[] {c, c.getAccessor()}) {
            com.fasterxml.jackson.annotation.JsonProperty p = e.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            if (p != null && !p.value().isEmpty()) {
                return p.value();
            }
        }
        return c.getName();
    }

    /** Whether the component, its accessor or its type use carries an annotation of that simple name. */
    static boolean annotated(RecordComponent c, String simpleName) {
        for (Annotation[] as : new Annotation[][] {c.getAnnotations(), c.getAnnotatedType().getAnnotations(),
            c.getAccessor().getAnnotations(), c.getAccessor().getAnnotatedReturnType().getAnnotations()}) {
            for (Annotation a : as) {
                if (a.annotationType().getSimpleName().equals(simpleName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
