package io.github.corebackend.cache.serial;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Jackson support for the two classes Spring's cache abstraction puts into every cache it uses:
 * {@code NullValue}, its stand-in for a cached {@code null} (and for an empty {@code Optional}), and
 * {@code SimpleKey}, the key of a method with several arguments. Neither is a bean Jackson could write
 * or read back: {@code NullValue} has no properties and must come back as its one instance (Spring
 * compares by identity), {@code SimpleKey} keeps its arguments in a private field. They are written as
 * {@code {}} and {@code {"params": [...]}}, each argument with its class name, resolved through the
 * allow-list like any other value.
 *
 * <p>Found by name and reflection when the cache's class loader sees Spring: the provider does not
 * depend on it.
 */
final class SpringCacheTypes {

  static final String NULL_VALUE = "org.springframework.cache.support.NullValue";
  static final String SIMPLE_KEY = "org.springframework.cache.interceptor.SimpleKey";

  private SpringCacheTypes() {}

  /** Registers the support of whichever of the two classes {@code classLoader} sees. */
  static void register(ObjectMapper mapper, ClassLoader classLoader) {
    SimpleModule module = new SimpleModule("spring-cache-types");
    Class<?> nullValue = load(NULL_VALUE, classLoader);
    if (nullValue != null) {
      add(module, nullValue, new NullValueSerializer(), new NullValueDeserializer(instanceOf(nullValue)));
    }
    Class<?> simpleKey = load(SIMPLE_KEY, classLoader);
    if (simpleKey != null) {
      add(module, simpleKey, new SimpleKeySerializer(paramsOf(simpleKey)),
          new SimpleKeyDeserializer(constructorOf(simpleKey)));
    }
    mapper.registerModule(module);
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // one class, known only at run time, on both sides
  private static void add(SimpleModule module, Class<?> type, JsonSerializer<Object> serializer,
      JsonDeserializer<Object> deserializer) {
    module.addSerializer((Class) type, serializer);
    module.addDeserializer((Class) type, deserializer);
  }

  private static @Nullable Class<?> load(String name, ClassLoader classLoader) {
    try {
      return Class.forName(name, false, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static Object instanceOf(Class<?> nullValue) {
    try {
      return nullValue.getField("INSTANCE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Spring's " + NULL_VALUE + " has no public INSTANCE field", e);
    }
  }

  private static Field paramsOf(Class<?> simpleKey) {
    try {
      Field params = simpleKey.getDeclaredField("params");
      params.setAccessible(true);
      return params;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Spring's " + SIMPLE_KEY + " has no readable 'params' field", e);
    }
  }

  private static Constructor<?> constructorOf(Class<?> simpleKey) {
    try {
      return simpleKey.getConstructor(Object[].class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("Spring's " + SIMPLE_KEY + " has no SimpleKey(Object...) constructor", e);
    }
  }

  /** A value written as one object, with its class name inside it when the mapper names classes. */
  private abstract static class ObjectSerializer extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    ObjectSerializer() {
      super(Object.class);
    }

    /** Writes the object's fields. */
    abstract void writeFields(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException;

    @Override
    public final void serialize(Object value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeStartObject();
      writeFields(value, generator, provider);
      generator.writeEndObject();
    }

    @Override
    public final void serializeWithType(Object value, JsonGenerator generator, SerializerProvider provider,
        TypeSerializer typeSerializer) throws IOException {
      WritableTypeId typeId = typeSerializer.writeTypePrefix(generator,
          typeSerializer.typeId(value, JsonToken.START_OBJECT));
      writeFields(value, generator, provider);
      typeSerializer.writeTypeSuffix(generator, typeId);
    }
  }

  /** {@code NullValue} as an empty object. */
  private static final class NullValueSerializer extends ObjectSerializer {
    private static final long serialVersionUID = 1L;

    @Override
    void writeFields(Object value, JsonGenerator generator, SerializerProvider provider) {
      // none: the class says it all
    }
  }

  /** The one {@code NullValue}, whatever the object held. */
  private static final class NullValueDeserializer extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;

    private final transient Object instance;

    NullValueDeserializer(Object instance) {
      super(Object.class);
      this.instance = instance;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      // At the object's start when read untyped, past the class name when read typed.
      for (JsonToken token = parser.currentToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
        if (token == null) {
          return context.reportInputMismatch(this, "NullValue: the object does not end");
        }
        if (token == JsonToken.FIELD_NAME) {
          parser.nextToken();
          parser.skipChildren();
        }
      }
      return instance;
    }
  }

  /** {@code SimpleKey} as {@code {"params": [...]}}, each argument with its class name. */
  private static final class SimpleKeySerializer extends ObjectSerializer {
    private static final long serialVersionUID = 1L;

    private final transient Field params;

    SimpleKeySerializer(Field params) {
      this.params = params;
    }

    @Override
    void writeFields(Object key, JsonGenerator generator, SerializerProvider provider) throws IOException {
      Object[] arguments;
      try {
        arguments = (Object[]) params.get(key);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read the arguments of a " + SIMPLE_KEY, e);
      }
      generator.writeFieldName("params");
      generator.writeStartArray();
      for (Object argument : arguments) {
        if (argument == null) {
          generator.writeNull();
        } else {
          provider.findTypedValueSerializer(argument.getClass(), true, null).serialize(argument, generator, provider);
        }
      }
      generator.writeEndArray();
    }
  }

  /** A {@code SimpleKey} built by its public constructor from the arguments read. */
  private static final class SimpleKeyDeserializer extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;

    private final transient Constructor<?> constructor;

    SimpleKeyDeserializer(Constructor<?> constructor) {
      super(Object.class);
      this.constructor = constructor;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT) {
        token = parser.nextToken();
      }
      List<Object> arguments = null;
      for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        if (!parser.currentName().equals("params") || parser.nextToken() != JsonToken.START_ARRAY) {
          return context.reportInputMismatch(this, "SimpleKey: expected only 'params', an array, not '%s'",
              parser.currentName());
        }
        arguments = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          arguments.add(parser.currentToken() == JsonToken.VALUE_NULL ? null : context.readValue(parser, Object.class));
        }
      }
      if (token != JsonToken.END_OBJECT || arguments == null) {
        return context.reportInputMismatch(this, "SimpleKey: expected an object with 'params'");
      }
      try {
        return constructor.newInstance((Object) arguments.toArray());
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IOException("Cannot build a " + SIMPLE_KEY + ": " + e, e);
      }
    }
  }
}
