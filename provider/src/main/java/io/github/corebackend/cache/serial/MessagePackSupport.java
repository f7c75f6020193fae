package io.github.corebackend.cache.serial;

import com.fasterxml.jackson.core.JsonFactory;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * Builds MessagePack's Jackson factory. A class of its own, so that the JSON serializer links without
 * {@code jackson-dataformat-msgpack}.
 */
final class MessagePackSupport {

  private MessagePackSupport() {}

  static JsonFactory factory() {
    return new MessagePackFactory();
  }
}
