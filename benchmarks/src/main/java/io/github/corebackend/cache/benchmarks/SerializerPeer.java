package io.github.corebackend.cache.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.corebackend.cache.config.CacheSettings;
import io.github.corebackend.cache.serial.Serializer;
import io.github.corebackend.cache.serial.Serializers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.redisson.client.codec.Codec;
import org.redisson.client.handler.State;
import org.redisson.codec.JsonJacksonCodec;
import org.redisson.codec.Kryo5Codec;
import org.redisson.codec.SerializationCodec;

/**
 * A way of turning a cached value into the bytes Redis keeps and back: ours, as a redis cache of the
 * provider builds it, and Redisson's codecs.
 */
public enum SerializerPeer {
  /** Ours, Java serialization with the allow-list filter. */
  UNIFIED_JDK {
    @Override
    Codec open() {
      return ours("jdk", Object.class);
    }
  },
  /** Ours, JSON of a cache typed by {@link Order}: no class names in the data. */
  UNIFIED_JSON {
    @Override
    Codec open() {
      return ours("json", Order.class);
    }
  },
  /** Ours, JSON of an untyped cache: class names in the data, resolved through the allow-list. */
  UNIFIED_JSON_UNTYPED {
    @Override
    Codec open() {
      return ours("json", Object.class);
    }
  },
  /** Ours, MessagePack of a typed cache. */
  UNIFIED_MSGPACK {
    @Override
    Codec open() {
      return ours("msgpack", Order.class);
    }
  },
  /** Ours, MessagePack of an untyped cache. */
  UNIFIED_MSGPACK_UNTYPED {
    @Override
    Codec open() {
      return ours("msgpack", Object.class);
    }
  },
  /** Redisson's Java serialization codec. */
  REDISSON_JDK {
    @Override
    Codec open() {
      return redisson(new SerializationCodec());
    }
  },
  /**
   * Redisson's JSON codec (class names in the data, like an untyped cache), given Jackson's
   * {@code java.time} module as its users must.
   */
  REDISSON_JSON {
    @Override
    Codec open() {
      return redisson(new JsonJacksonCodec(new ObjectMapper().registerModule(new JavaTimeModule())));
    }
  },
  /** Redisson's Kryo codec. */
  REDISSON_KRYO {
    @Override
    Codec open() {
      return redisson(new Kryo5Codec());
    }
  };

  /** Encodes and decodes values. */
  interface Codec {
    byte[] encode(Object value);

    Object decode(byte[] bytes);
  }

  /** Builds the peer's codec. */
  abstract Codec open();

  private static Codec ours(String serializer, Class<?> type) {
    Properties properties = new Properties();
    properties.setProperty("cache.serializer", serializer);
    properties.setProperty("cache.serializer.allow-list", "io.github.corebackend.cache.benchmarks.*");
    CacheSettings settings = CacheSettings.resolve(properties, new Properties(), Map.of());
    Serializer ours = Serializers.forRemoteStore(settings, "orders", type, SerializerPeer.class.getClassLoader());
    return new Codec() {
      @Override
      public byte[] encode(Object value) {
        return ours.serialize(value);
      }

      @Override
      public Object decode(byte[] bytes) {
        return ours.deserialize(bytes);
      }
    };
  }

  private static Codec redisson(org.redisson.client.codec.Codec codec) {
    return new Codec() {
      @Override
      public byte[] encode(Object value) {
        try {
          ByteBuf buffer = codec.getValueEncoder().encode(value);
          try {
            return ByteBufUtil.getBytes(buffer);
          } finally {
            buffer.release();
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Object decode(byte[] bytes) {
        try {
          return codec.getValueDecoder().decode(Unpooled.wrappedBuffer(bytes), new State());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
