package io.github.corebackend.cache.benchmarks;

import io.github.corebackend.cache.redis.RedisTestServer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Hibernate ORM's second-level cache on PostgreSQL, per peer ({@link HibernatePeer}): a find by id
 * (uniformly random over the {@value HibernateDatabase#ROWS} books) and the cached query (the first
 * {@value HibernateFixture#PAGE} books of a random genre), each in a session and transaction of its
 * own, as a service method of an application runs them. Setup writes the table once (as an
 * application has), warms the cache and checks that a cached peer then sends no SQL. The database
 * is the one {@value HibernateDatabase#NAME_PROPERTY} names (the report makes one for all forks),
 * else one made here and dropped at the end; Redis is the server {@value RedisBenchmark#URL_PROPERTY}
 * names, else {@code REDIS_URL}, else one started here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HibernateBenchmark {

  @Param({"L2_OFF", "UNIFIED_MEMORY", "UNIFIED_REDIS", "UNIFIED_NEAR", "CAFFEINE_JCACHE", "EHCACHE", "REDISSON"})
  HibernatePeer peer;

  HibernateDatabase database;
  HibernateFixture fixture;

  @Setup
  public void setUp() {
    database = HibernateDatabase.fromPropertyOrCreate();
    try {
      String url = System.getProperty(RedisBenchmark.URL_PROPERTY);
      fixture = HibernateFixture.open(peer, peer.usesRedis() && url == null ? RedisTestServer.shared().url() : url,
          database);
      fixture.warmAndVerify();
    } catch (RuntimeException e) {
      tearDown();
      throw e;
    }
  }

  @TearDown
  public void tearDown() {
    CpuTimeProfiler.endOfWork();
    try {
      if (fixture != null) {
        fixture.close();
      }
    } finally {
      database.close();
    }
  }

  /** Each thread draws its own ids and genres. */
  @State(Scope.Thread)
  public static class Draw {
    final SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
    final Book.Genre[] genres = Book.Genre.values();
  }

  @Benchmark
  public Book find(Draw draw) {
    return fixture.find(1 + draw.random.nextInt(HibernateDatabase.ROWS));
  }

  @Benchmark
  public List<Book> query(Draw draw) {
    return fixture.query(draw.genres[draw.random.nextInt(draw.genres.length)]);
  }
}
