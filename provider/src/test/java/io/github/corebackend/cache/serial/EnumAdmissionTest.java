package io.github.corebackend.cache.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Enums of the application come back from a remote store without an allow-list entry (Hibernate keeps
 * an entity's enum attributes as they are in its entries), while other classes of the same package
 * are still refused.
 */
class EnumAdmissionTest {

  /** An enum no allow-list names, one constant with a body of its own. */
  enum Priority {
    LOW,
    HIGH {
      @Override
      public String toString() {
        return "high!";
      }
    }
  }

  /** A class of the same package, which stays refused. */
  public static final class Ticket implements Serializable {
    private static final long serialVersionUID = 1L;
    public Priority priority = Priority.HIGH;
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "json", "msgpack"})
  void enumsInsideAnUntypedValueRoundTrip(String serializer) {
    Serializer remote = SerializerFixtures.remote(serializer, Object.class);
    // As Hibernate disassembles an entity: its state as an array of Serializable.
    Serializable[] state = {Priority.HIGH, "title", 3, Priority.LOW};
    List<Object> list = new ArrayList<>(List.of(Priority.LOW, Priority.HIGH));
    Map<String, Object> map = Map.of("p", Priority.HIGH);

    assertArrayEquals(state, (Object[]) remote.deserialize(remote.serialize(state)));
    assertEquals(list, remote.deserialize(remote.serialize(list)));
    assertEquals(map, remote.deserialize(remote.serialize(map)));
    assertEquals(Priority.HIGH, remote.deserialize(remote.serialize(Priority.HIGH)));
    assertArrayEquals(new Priority[] {Priority.LOW}, (Object[]) remote.deserialize(remote.serialize(
        new Priority[] {Priority.LOW})));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "json"})
  void anotherClassOfTheSamePackageIsStillRefused(String serializer) {
    Serializer remote = SerializerFixtures.remote(serializer, Object.class);
    byte[] bytes = remote.serialize(List.of(new Ticket()));

    CacheSerializationException e = assertThrows(CacheSerializationException.class, () -> remote.deserialize(bytes));

    assertTrue(e.getMessage().contains(Ticket.class.getName()), e.getMessage());
  }
}
