package io.github.corebackend.cache.serial;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses to write a class whose values Jackson could not read back whole. Jackson writes every
 * property with a getter, but reads back only those with a setter, a field or a creator parameter;
 * the others would come back as {@code null} or zero, silently. When Jackson builds the serializer of a
 * bean class (the first time a value of that class is written, as the value or inside one), this asks
 * the same mapper's deserializer of the class for each property the serializer writes, and for a way
 * to create an instance; a class that fails gets a serializer that throws, naming the class and the
 * property.
 *
 * <p>Verdicts are kept per class. Invariant: a verdict depends only on the class and the mapper's
 * configuration, which no longer changes once the serializer is built, so whichever thread computes it
 * first, every later write of the class, and every serializer Jackson builds again for it (its cache
 * is bounded), gets the same one; the map holds one entry per bean class written.
 */
final class RoundTripCheck extends BeanSerializerModifier {

  private static final long serialVersionUID = 1L;

  private final transient ObjectMapper mapper;
  /** Empty when the class round-trips, else the reason it does not. */
  private final transient ConcurrentHashMap<Class<?>, Optional<String>> verdicts = new ConcurrentHashMap<>();

  RoundTripCheck(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription beanDesc,
      JsonSerializer<?> serializer) {
    if (!(serializer instanceof BeanSerializerBase)) {
      return serializer; // JDK types, collections, enums, @JsonValue: Jackson reads back what it writes
    }
    Class<?> type = beanDesc.getBeanClass();
    Optional<String> verdict = verdicts.get(type);
    if (verdict == null) {
      // Computed outside the map: building a deserializer must not run inside its lock.
      verdict = judge(beanDesc, (BeanSerializerBase) serializer);
      Optional<String> first = verdicts.putIfAbsent(type, verdict);
      verdict = first == null ? verdict : first;
    }
    return verdict.isPresent() ? new Refusal(beanDesc.getType(), verdict.get()) : serializer;
  }

  private Optional<String> judge(BeanDescription written, BeanSerializerBase serializer) {
    JavaType type = written.getType();
    DeserializationConfig config = mapper.getDeserializationConfig();
    JsonDeserializer<?> deserializer;
    try {
      deserializer = ((DefaultDeserializationContext) mapper.getDeserializationContext())
          .createInstance(config, null, mapper.getInjectableValues()).findContextualValueDeserializer(type, null);
    } catch (IOException e) {
      return Optional.of(type.getRawClass().getName() + " cannot be read back by Jackson: " + e.getMessage());
    }
    if (!(deserializer instanceof BeanDeserializerBase)) {
      return Optional.empty(); // a custom or delegating deserializer: its author decides what it reads
    }
    BeanDeserializerBase reader = (BeanDeserializerBase) deserializer;
    ValueInstantiator creator = reader.getValueInstantiator();
    // What is written is an object: a creator taking one number or string cannot read it.
    if (!creator.canCreateUsingDefault() && !creator.canCreateFromObjectWith() && !creator.canCreateUsingDelegate()) {
      return Optional.of(type.getRawClass().getName() + " cannot be read back by Jackson: it has no no-argument "
          + "constructor, record constructor or @JsonCreator to create it with");
    }
    BeanDescription read = config.introspect(type);
    if (read.findAnySetterAccessor() != null) {
      return Optional.empty(); // an any-setter takes every property
    }
    Set<String> ignored = new HashSet<>(read.getIgnoredPropertyNames());
    ignored.addAll(config.getDefaultPropertyIgnorals(type.getRawClass(), read.getClassInfo())
        .findIgnoredForDeserialization());
    List<String> unreadable = new ArrayList<>();
    for (Iterator<PropertyWriter> properties = serializer.properties(); properties.hasNext(); ) {
      String name = properties.next().getName();
      if (reader.findProperty(name) == null && !ignored.contains(name)) {
        unreadable.add(name);
      }
    }
    if (written.findAnyGetter() != null) {
      unreadable.add("(the @JsonAnyGetter's)");
    }
    return unreadable.isEmpty() ? Optional.empty() : Optional.of(type.getRawClass().getName()
        + " would lose data through Jackson: it writes propert" + (unreadable.size() == 1 ? "y " : "ies ")
        + String.join(", ", unreadable) + " but has no setter, field or constructor parameter to read "
        + (unreadable.size() == 1 ? "it" : "them") + " back (add one, or mark the getter @JsonIgnore)");
  }

  /** The serializer of a class that would not round-trip: writing one of its values fails. */
  private static final class Refusal extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    private final String reason;

    Refusal(JavaType type, String reason) {
      super(type);
      this.reason = reason;
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      throw InvalidDefinitionException.from(generator, reason, provider.constructType(handledType()));
    }

    @Override
    public void serializeWithType(Object value, JsonGenerator generator, SerializerProvider provider,
        TypeSerializer typeSerializer) throws IOException {
      serialize(value, generator, provider);
    }
  }
}
