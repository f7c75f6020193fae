package io.github.corebackend.cache.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.cache.Cache;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;
import org.junit.jupiter.api.Test;

/** Asynchronous delivery when the executor shuts down between two events of one key. */
class EventDispatcherTest {

  private static final List<String> HEARD = new CopyOnWriteArrayList<>();

  @Test
  void anEventChainedBehindAnotherIsDeliveredEvenWhenTheExecutorHasShutDownMeanwhile() {
    Cache<String, String> source = Caching.getCachingProvider().getCacheManager()
        .createCache("dispatcher-source-" + System.nanoTime(), new MutableConfiguration<>());
    ClosingExecutor executor = new ClosingExecutor();
    EventDispatcher<String, String> events = new EventDispatcher<>(source, executor);
    events.register(new MutableCacheEntryListenerConfiguration<>(FactoryBuilder.factoryOf(Recorder.class), null,
        false, false));

    events.publish(EventType.CREATED, "k", "first", null, false);
    events.publish(EventType.CREATED, "k", "second", null, false);
    executor.shutDown();
    executor.runHeld();

    assertEquals(List.of("first", "second"), HEARD, "the second event waited for the first, then ran anyway");
    source.getCacheManager().destroyCache(source.getName());
  }

  /** Holds what it is given until {@link #runHeld}; refuses everything once shut down. */
  private static final class ClosingExecutor implements Executor {
    private final Queue<Runnable> held = new ArrayDeque<>();
    private boolean shutDown;

    @Override
    public synchronized void execute(Runnable task) {
      if (shutDown) {
        throw new RejectedExecutionException("shut down");
      }
      held.add(task);
    }

    synchronized void shutDown() {
      shutDown = true;
    }

    void runHeld() {
      Runnable task;
      while ((task = poll()) != null) {
        task.run();
      }
    }

    private synchronized Runnable poll() {
      return held.poll();
    }
  }

  /** Records the values it hears. */
  public static final class Recorder implements CacheEntryCreatedListener<String, String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      events.forEach(event -> HEARD.add(event.getValue()));
    }
  }
}
