package io.github.corebackend.cache.serial;

import static io.github.corebackend.cache.serial.SerializerFixtures.remote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The json and msgpack serializers refuse what they could not give back whole, rather than lose it. */
class JacksonRoundTripCheckTest {

  private static final String SAMPLES = "cache.serializer.allow-list";
  private static final String HERE = "io.github.corebackend.cache.serial.*";

  /** A total that Jackson writes (it has a getter) but cannot set: it would come back as zero. */
  public static final class Order {
    private final List<Long> prices = new ArrayList<>();

    public List<Long> getPrices() {
      return prices;
    }

    public long getTotal() {
      return prices.stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The same total, marked as derived: nothing is lost. */
  public static final class Invoice {
    private long amount;

    public long getAmount() {
      return amount;
    }

    public void setAmount(long amount) {
      this.amount = amount;
    }

    @JsonIgnore
    public long getAmountInCents() {
      return amount * 100;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Invoice invoice && invoice.amount == amount;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(amount);
    }
  }

  /** Read through its private field, which Jackson sets since the getter names it. */
  public static final class Counter {
    private int count;

    public Counter() {}

    Counter(int count) {
      this.count = count;
    }

    public int getCount() {
      return count;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Counter counter && counter.count == count;
    }

    @Override
    public int hashCode() {
      return count;
    }
  }

  /** A getter and a field, but nothing Jackson can create it with. */
  public static final class Point {
    private final int x;

    public Point(int x) {
      this.x = x;
    }

    public int getX() {
      return x;
    }
  }

  /** Holds an order: the order's total would be lost inside it too. */
  public record Basket(String owner, Order order) {}

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void aPropertyWithOnlyAGetterIsRefusedNamingClassAndProperty(String name) {
    for (Class<?> declared : List.of(Order.class, Object.class)) {
      Serializer serializer = remote(name, declared, SAMPLES, HERE);

      CacheSerializationException e = assertThrows(CacheSerializationException.class,
          () -> serializer.serialize(new Order()));

      assertTrue(e.getMessage().contains(Order.class.getName()) && e.getMessage().contains("total"),
          declared + ": " + e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void aClassInsideTheValueIsJudgedToo(String name) {
    Serializer serializer = remote(name, Basket.class);

    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> serializer.serialize(new Basket("ada", new Order())));

    assertTrue(e.getMessage().contains(Order.class.getName() + " would lose data"), e.getMessage());
    assertTrue(e.getMessage().contains("total"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void aClassNothingCanCreateIsRefused(String name) {
    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> remote(name, Point.class).serialize(new Point(3)));

    assertTrue(e.getMessage().contains(Point.class.getName() + " cannot be read back"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void ignoredGettersFieldsAndRecordsRoundTrip(String name) {
    Invoice invoice = new Invoice();
    invoice.setAmount(12);

    for (Object value : List.of(invoice, new Counter(7), SampleValues.person())) {
      Serializer serializer = remote(name, value.getClass());
      assertEquals(value, serializer.deserialize(serializer.serialize(value)), value.getClass().getName());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void everyWriteOfARefusedClassIsRefusedFromEveryThread(String name) throws Exception {
    Serializer serializer = remote(name, Object.class, SAMPLES, HERE);
    Callable<String> writeBoth = () -> {
      serializer.serialize(new Counter(1));
      try {
        serializer.serialize(new Order());
        return "written";
      } catch (CacheSerializationException e) {
        return "refused";
      }
    };
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        outcomes.add(threads.submit(writeBoth));
      }
      for (Future<String> outcome : outcomes) {
        assertEquals("refused", outcome.get());
      }
    } finally {
      threads.shutdown();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json"})
  void aPropertyTheClassDoesNotHaveIsRefusedWhenRead(String name) {
    byte[] bytes = "{\"count\":3,\"colour\":\"red\"}".getBytes(StandardCharsets.UTF_8);

    CacheSerializationException e = assertThrows(CacheSerializationException.class,
        () -> remote(name, Counter.class).deserialize(bytes));

    assertTrue(e.getMessage().contains("'colour'") && e.getMessage().contains(Counter.class.getName()),
        e.getMessage());
    assertTrue(Objects.requireNonNull(e.getMessage()).contains("ignoreUnknown"), e.getMessage());
  }
}
