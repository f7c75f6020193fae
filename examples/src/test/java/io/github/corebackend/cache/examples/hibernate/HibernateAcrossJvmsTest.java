package io.github.corebackend.cache.examples.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.corebackend.cache.redis.RedisTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two instances of one application, in two JVMs, share their second-level cache in Redis (directly,
 * or through near caches kept coherent by Redis's invalidations) over one PostgreSQL database: what
 * one commits, the other reads, from the cache where it can. Configured as a Hibernate user would:
 * only {@code hibernate.cache.region.factory_class=jcache} and {@code hibernate.javax.cache.uri}; no
 * allow-list, though the model has an enum.
 *
 * <p>Every read after a commit is timed against it: the staleness of a commit is how long after the
 * commit returned a read could still begin and see the state before it (0 when none could). On
 * redis it must be 0: the commit's cache writes are in Redis when it returns. On near it is the time
 * Redis's invalidation takes to reach the other JVM, which {@code cache.near.max-staleness} bounds;
 * the bound asserted leaves a margin for a loaded CI machine, and the measured figures are printed.
 */
class HibernateAcrossJvmsTest {

  private static final RedisTestServer REDIS = RedisTestServer.shared();
  /** cache.near.max-staleness (100 ms by default), and a margin for a loaded machine's scheduling. */
  private static final long NEAR_BOUND_MICROS = 500_000;
  /** Commits whose staleness is measured with the other JVM reading all along. */
  private static final int STALENESS_TRIALS = 20;

  @AutoClose
  final PostgresDatabase database = PostgresDatabase.create();

  @TempDir
  Path directory;

  @ParameterizedTest
  @ValueSource(strings = {"redis", "near"})
  void whatOneJvmCommitsTheOtherReads(String backend) throws IOException, InterruptedException {
    try (TwoInstances instances = start(backend)) {
      Library here = instances.here();
      OtherJvm there = instances.there();
      Reader reader = new Reader(there);
      here.addAuthor(1, "Frank Herbert");
      here.addBook(1, "Dune", Genre.FICTION, 1);
      here.addBook(2, "Essays", Genre.ESSAY, 1);

      nextMillisecond();
      reader.sees("Dune", "title", 1);
      assertEquals(0, statistics(there).entityLoads(), "the other JVM read the entry this one put");

      here.rename(1, "Dune Messiah");
      nextMillisecond();
      reader.sees("Dune Messiah", "title", 1);
      assertEquals(0, statistics(there).entityLoads(), "an update, read from the cache, not the database");

      reader.sees("Dune Messiah, Essays", "titles-by", 1);
      long collectionLoads = statistics(there).collectionLoads();
      assertEquals("Dune Messiah, Essays", there.call("titles-by", 1));
      assertEquals(collectionLoads, statistics(there).collectionLoads(), "a collection read from the cache");
      here.addBook(3, "Children of Dune", Genre.FICTION, 1);
      reader.sees("Children of Dune, Dune Messiah, Essays", "titles-by", 1);

      reader.sees("Children of Dune, Dune Messiah", "titles-in", Genre.FICTION);
      long queryHits = statistics(there).queryHits();
      assertEquals("Children of Dune, Dune Messiah", there.call("titles-in", Genre.FICTION));
      assertEquals(queryHits + 1, statistics(there).queryHits(), "a query answered by the query cache");
      here.addBook(4, "Heretics of Dune", Genre.FICTION, 1);
      reader.sees("Children of Dune, Dune Messiah, Heretics of Dune", "titles-in", Genre.FICTION);

      here.addNote(1, "draft");
      reader.sees("draft", "note", 1);
      here.rewrite(1, "final");
      reader.sees("final", "note", 1); // nonstrict read-write: evicted after the commit

      here.delete(2);
      reader.sees("-", "title", 2);
      reader.sees("Children of Dune, Dune Messiah, Heretics of Dune", "titles-by", 1);
      assertEquals(Genre.FICTION, here.genre(1), "the model's enum, read back with no allow-list");

      reader.assertBounded(backend, "reads after each kind of commit");
    }
  }

  /** The other JVM reads the book every 50 µs from before each commit until it sees the new title. */
  @ParameterizedTest
  @ValueSource(strings = {"redis", "near"})
  void aReadBeginningAfterAnotherJvmsCommitIsStaleForAtMostMoments(String backend) throws Exception {
    try (TwoInstances instances = start(backend)) {
      Library here = instances.here();
      Reader reader = new Reader(instances.there());
      here.addAuthor(1, "Ursula K. Le Guin");
      here.addBook(1, "version 0", Genre.FICTION, 1);
      for (int trial = 1; trial <= STALENESS_TRIALS; trial++) {
        reader.sees("version " + (trial - 1), "title", 1); // cached before the commit
        String version = "version " + trial;
        CompletableFuture<String> lastStaleStart = reader.seesDuringCommit(version, "title", 1);
        Thread.sleep(20); // the other JVM is reading the old version by now
        here.rename(1, version);
        reader.committed(lastStaleStart);
      }
      reader.assertBounded(backend, "reads during " + STALENESS_TRIALS + " updates");
    }
  }

  /** The application here and in another JVM, on one database and one cache configuration file. */
  private TwoInstances start(String backend) throws IOException {
    Path file = directory.resolve(backend + "-cache.properties");
    Files.write(file, List.of("cache.backend=" + backend, "cache.redis.url=" + REDIS.url(),
        "cache.namespace=hibernate-" + UUID.randomUUID()));
    String cacheUri = file.toUri().toString();
    Library here = Library.open(database.url(), cacheUri, Map.of());
    try {
      return new TwoInstances(here, OtherJvm.start(database.url(), cacheUri));
    } catch (IOException | RuntimeException e) {
      here.close();
      throw e;
    }
  }

  /** Two instances of the application; closing closes both. */
  private record TwoInstances(Library here, OtherJvm there) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        there.close();
      } finally {
        here.close();
      }
    }
  }

  /**
   * Hibernate lets a read-write entry be read only by transactions that began after it was written,
   * by timestamps of millisecond resolution: a read in the same millisecond as the other JVM's put
   * would go to the database, and the test counts database loads.
   */
  private static void nextMillisecond() throws InterruptedException {
    Thread.sleep(2);
  }

  private static NodeStatistics statistics(OtherJvm jvm) {
    String[] fields = jvm.call("statistics").split("\t");
    return new NodeStatistics(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
        Long.parseLong(fields[3]));
  }

  private static long nowMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }

  /** Hibernate's statistics of the other JVM. */
  private record NodeStatistics(long cacheHits, long entityLoads, long collectionLoads, long queryHits) {}

  /** Reads in the other JVM until they answer what a commit here made true, and keeps their staleness. */
  private static final class Reader {
    private final OtherJvm there;
    private final List<Long> stalenessMicros = new ArrayList<>();

    Reader(OtherJvm there) {
      this.there = there;
    }

    /** After a commit here: the other JVM's {@code read} answers {@code expected}, at once or soon. */
    void sees(String expected, Object... read) {
      long committed = nowMicros();
      stalenessMicros.add(stalenessAfter(committed, there.call(await(expected, read))));
    }

    /**
     * Before a commit here: the other JVM reads until it sees what the commit makes true; the answer,
     * when its last stale read began, is for {@link #committed}.
     */
    CompletableFuture<String> seesDuringCommit(String expected, Object... read) {
      Object[] command = await(expected, read);
      return CompletableFuture.supplyAsync(() -> there.call(command));
    }

    /** Right after the commit that {@code lastStaleStart} awaits returned. */
    void committed(CompletableFuture<String> lastStaleStart) {
      long committed = nowMicros();
      stalenessMicros.add(stalenessAfter(committed, lastStaleStart.join()));
    }

    void assertBounded(String backend, String what) {
      List<Long> sorted = new ArrayList<>(stalenessMicros);
      Collections.sort(sorted);
      long worst = sorted.get(sorted.size() - 1);
      System.out.printf("%s, %s: staleness after the other JVM's commit, median %d us, max %d us, over %d%n",
          backend, what, sorted.get(sorted.size() / 2), worst, sorted.size());
      if (backend.equals("redis")) {
        assertEquals(0, worst, "redis: a read began " + worst + " us after the commit and was stale");
      } else {
        assertTrue(worst < NEAR_BOUND_MICROS, backend + ": a read began " + worst + " us after the commit and was stale");
      }
    }

    private static Object[] await(String expected, Object... read) {
      Object[] command = new Object[read.length + 2];
      command[0] = "await";
      command[1] = expected;
      System.arraycopy(read, 0, command, 2, read.length);
      return command;
    }

    /** A last stale read that began at {@code lastStaleStart} (0: none) after a commit at {@code committed}. */
    private static long stalenessAfter(long committed, String lastStaleStart) {
      return Math.max(0, Long.parseLong(lastStaleStart) - committed);
    }
  }
}
