package io.github.corebackend.cache.serial;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Jackson data binding over a JSON or MessagePack factory, typed by the cache's declared type.
 *
 * <p>A concrete declared type ({@code User}) is written as plain JSON and read back as that type: no
 * class names travel with the data. A declared type that does not say what to build ({@code Object},
 * an interface, an abstract class) makes every value carry its class name, and reading back resolves
 * those names only through the {@link ClassAllowList}, so bytes from a shared store cannot make the
 * JVM instantiate a class nobody allowed.
 *
 * <p>Nothing is lost silently: a class with a property Jackson would write but not read back is refused
 * when first written ({@link RoundTripCheck}), and bytes holding a property the class does not have
 * are refused when read, rather than dropped.
 *
 * <p>Both ways are held to the context's {@link SerializationLimits}: Jackson's stream constraints
 * limit nesting on write and read (a string may be as long as the bytes), the length is checked before
 * parsing, and MessagePack bytes are walked first ({@link MessagePackBounds}), since that parser checks
 * no depth and allocates the lengths the bytes claim.
 *
 * <p>Load this class only after {@link Serializers} found Jackson on the classpath.
 */
final class JacksonSerializer implements Serializer {

  private static final JsonFormat.Value AS_TEXT = JsonFormat.Value.forShape(JsonFormat.Shape.STRING);

  private static final boolean JAVA_TIME_PRESENT =
      Serializers.isPresent("com.fasterxml.jackson.datatype.jsr310.JavaTimeModule");

  private final ObjectReader reader;
  private final ObjectWriter writer;
  private final String typeName;
  private final SerializationLimits limits;
  private final boolean msgpack;

  private JacksonSerializer(ObjectReader reader, ObjectWriter writer, String typeName, SerializationLimits limits,
      boolean msgpack) {
    this.reader = reader;
    this.writer = writer;
    this.typeName = typeName;
    this.limits = limits;
    this.msgpack = msgpack;
  }

  /** A JSON serializer. */
  static Serializer json(SerializerContext context) {
    ObjectMapper mapper = new ObjectMapper(new JsonFactory());
    // Instants and local times as numbers read 2.5 times faster than as ISO text; times with a zone
    // or an offset stay text, since a number would lose the zone.
    mapper.enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    for (Class<?> zoned : List.of(ZonedDateTime.class, OffsetDateTime.class, OffsetTime.class)) {
      mapper.configOverride(zoned).setFormat(AS_TEXT);
    }
    return create(mapper, context, false);
  }

  /** A MessagePack serializer; needs {@code jackson-dataformat-msgpack}. */
  static Serializer msgpack(SerializerContext context) {
    ObjectMapper mapper = new ObjectMapper(MessagePackSupport.factory());
    // MessagePack has no decimal type: as a double, 1.50 would come back as 1.5, big values rounded
    // and an instant's nanoseconds lost. Text keeps them.
    mapper.configOverride(BigDecimal.class).setFormat(AS_TEXT);
    mapper.configOverride(BigInteger.class).setFormat(AS_TEXT);
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    return create(mapper, context, true);
  }

  private static Serializer create(ObjectMapper mapper, SerializerContext context, boolean msgpack) {
    SerializationLimits limits = context.limits();
    // A string can be as long as the bytes: Jackson's own default (20 M chars) would refuse to read
    // what it wrote. The length itself is checked before parsing.
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxDepth()).maxStringLength(limits.maxBytes()).build());
    mapper.getFactory().setStreamWriteConstraints(StreamWriteConstraints.builder()
        .maxNestingDepth(limits.maxDepth()).build());
    mapper.enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID);
    mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    if (JAVA_TIME_PRESENT) {
      JavaTimeSupport.register(mapper);
    }
    mapper.setTypeFactory(mapper.getTypeFactory().withClassLoader(context.classLoader()));
    SpringCacheTypes.register(mapper, context.classLoader());
    Class<?> type = context.type();
    if (needsTypeNames(type)) {
      ObjectMapper.DefaultTypeResolverBuilder typing = new EveryTypeNamed(new AllowListValidator(context.allowList(), context.classLoader()));
      typing.init(JsonTypeInfo.Id.CLASS, null);
      typing.inclusion(JsonTypeInfo.As.PROPERTY);
      mapper.setDefaultTyping(typing);
    }
    // Last, so that it judges classes by the configuration above; before the writer, which may build
    // the declared type's serializer at once.
    mapper.setSerializerFactory(mapper.getSerializerFactory().withSerializerModifier(new RoundTripCheck(mapper)));
    JavaType javaType = mapper.constructType(type);
    return new JacksonSerializer(mapper.readerFor(javaType), mapper.writerFor(javaType), type.getName(), limits,
        msgpack);
  }

  private static boolean needsTypeNames(Class<?> type) {
    return type == Object.class || type.isInterface()
        || (!type.isPrimitive() && !type.isArray() && Modifier.isAbstract(type.getModifiers()));
  }

  @Override
  public byte[] serialize(Object value) {
    byte[] bytes;
    try {
      bytes = writer.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new CacheSerializationException("Cannot write " + value.getClass().getName() + " with Jackson: "
          + e.getMessage(), e);
    }
    limits.checkLength(bytes.length);
    if (msgpack) {
      // The MessagePack generator checks no depth: refuse here what reading back would refuse.
      MessagePackBounds.check(bytes, 0, bytes.length, limits);
    }
    return bytes;
  }

  @Override
  public Object deserialize(byte[] bytes) {
    return deserialize(bytes, 0, bytes.length);
  }

  @Override
  public Object deserialize(byte[] bytes, int offset, int length) {
    limits.checkLength(length);
    if (msgpack) {
      MessagePackBounds.check(bytes, offset, length, limits);
    }
    try {
      return reader.readValue(bytes, offset, length);
    } catch (UnrecognizedPropertyException e) {
      throw new CacheSerializationException("Cannot read " + length + " bytes as " + typeName + ": they hold property '"
          + e.getPropertyName() + "', which " + e.getReferringClass().getName() + " does not have (written by "
          + "another version of the class? remove the entry, or annotate the class with "
          + "@JsonIgnoreProperties(ignoreUnknown = true) to drop such properties)", e);
    } catch (InvalidTypeIdException e) {
      throw new CacheSerializationException("Class not allowed or unknown: " + e.getTypeId()
          + " (add it to cache.serializer.allow-list if it is trusted)", e);
    } catch (IOException | RuntimeException e) {
      // RuntimeException: what a parser or a constructor throws on bytes no writer produced.
      throw new CacheSerializationException("Cannot read " + length + " bytes as " + typeName + " with Jackson: "
          + e.getMessage(), e);
    }
  }

  /** Names the class of every value, so that an untyped cache reads back what it was given. */
  private static final class EveryTypeNamed extends ObjectMapper.DefaultTypeResolverBuilder {
    private static final long serialVersionUID = 1L;

    EveryTypeNamed(PolymorphicTypeValidator validator) {
      super(ObjectMapper.DefaultTyping.NON_FINAL, validator);
    }

    @Override
    public boolean useForType(JavaType type) {
      // Final types too: a Long must not come back as an Integer.
      return !type.isPrimitive() && !TreeNode.class.isAssignableFrom(type.getRawClass());
    }
  }

  /** Resolves a class name from the data only when the allow-list allows it. */
  private static final class AllowListValidator extends PolymorphicTypeValidator.Base {
    private static final long serialVersionUID = 1L;

    private final transient ClassAllowList allowList;
    private final transient ClassLoader classLoader;

    AllowListValidator(ClassAllowList allowList, ClassLoader classLoader) {
      this.allowList = allowList;
      this.classLoader = classLoader;
    }

    @Override
    public Validity validateBaseType(MapperConfig<?> config, JavaType baseType) {
      return Validity.INDETERMINATE;
    }

    @Override
    public Validity validateSubClassName(MapperConfig<?> config, JavaType baseType, String subClassName) {
      return allowList.allows(subClassName) || namesEnum(subClassName) ? Validity.ALLOWED : Validity.DENIED;
    }

    /** Whether the name is of an enum type, found without initializing the class it names. */
    private boolean namesEnum(String className) {
      try {
        return ClassAllowList.isEnum(Class.forName(className, false, classLoader));
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }

    @Override
    public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
      return allowList.allows(subType.getRawClass().getName()) || ClassAllowList.isEnum(subType.getRawClass())
          ? Validity.ALLOWED : Validity.DENIED;
    }
  }
}
