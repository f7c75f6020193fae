package io.github.corebackend.cache.tck;

import io.github.corebackend.cache.redis.RedisTestServer;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Points the provider at a real Redis before the TCK runs, when the run is for the redis backend
 * ({@code -Dtck.backend=redis}). It sets only the provider's own documented settings, as any
 * application would; the TCK itself is unaware of it.
 */
public final class RedisForTck implements LauncherSessionListener {

  private RedisTestServer server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!"redis".equals(System.getProperty("tck.backend"))) {
      return;
    }
    server = RedisTestServer.shared();
    System.setProperty("cache.backend", "redis");
    System.setProperty("cache.redis.url", server.url());
    System.setProperty("cache.namespace", "tck-" + UUID.randomUUID());
    // The TCK stores its own domain classes; a remote store only reads back classes it is told to trust.
    System.setProperty("cache.serializer.allow-list", "domain.**;org.jsr107.tck.**");
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (server != null) {
      server.close();
    }
  }
}
