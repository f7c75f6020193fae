package io.github.corebackend.cache.tck;

import io.github.corebackend.cache.redis.RedisTestServer;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Points the provider at a real Redis before the TCK runs, when the run is for the redis or the near
 * backend ({@code -Dtck.backend=redis} or {@code near}). It sets only the provider's own documented
 * settings, as any application would; the TCK itself is unaware of it.
 */
public final class RedisForTck implements LauncherSessionListener {

  private RedisTestServer server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String backend = System.getProperty("tck.backend");
    if (!"redis".equals(backend) && !"near".equals(backend)) {
      return;
    }
    server = RedisTestServer.shared();
    System.setProperty("cache.backend", backend);
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
