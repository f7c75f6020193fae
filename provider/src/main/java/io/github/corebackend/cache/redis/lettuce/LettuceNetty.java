package io.github.corebackend.cache.redis.lettuce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Whether the Lettuce on the class path can run on the Netty beside it. Lettuce 7 builds its event
 * loops on Netty 4.2's {@value #NETTY_42_TYPE}; on Netty 4.1 (which Spring Boot 3.5 manages) it
 * starts, then fails every connection with a {@link NoClassDefFoundError}. Lettuce 6 runs on Netty
 * 4.1.
 *
 * <p>The check costs two class look-ups, neither initialising anything: Lettuce's version from its
 * manifest, and whether that Netty type is there. Netty's versions (its jars' {@code
 * META-INF/io.netty.versions.properties}) are read only for a message. A Lettuce whose version cannot
 * be read (a repackaged jar) is not judged; a failure to link it then still says what was found
 * ({@link LettuceFailures#linkage}).
 */
final class LettuceNetty {

  /** The Netty 4.2 type Lettuce 7's event loops extend; absent from Netty 4.1. */
  static final String NETTY_42_TYPE = "io.netty.channel.MultiThreadIoEventLoopGroup";

  private static final ClassLoader LOADER = LettuceNetty.class.getClassLoader();

  private LettuceNetty() {}

  /** Why this class path's Lettuce cannot run on its Netty; {@code null} when it can. Checked once. */
  static @Nullable String mismatch() {
    return Found.MISMATCH;
  }

  /** The versions found, for a message about a failure they may explain. */
  static String found() {
    return "Lettuce " + (Found.LETTUCE == null ? "of unknown version" : Found.LETTUCE) + " on Netty "
        + describeNetty(nettyVersions());
  }

  /**
   * Why Lettuce {@code lettuce} cannot run beside Netty {@code netty} (artifact to version), given
   * whether {@value #NETTY_42_TYPE} is there; {@code null} when it can, or when the Lettuce version
   * is unknown.
   */
  static @Nullable String mismatch(@Nullable String lettuce, Map<String, String> netty, boolean netty42Type) {
    int lettuceMajor = major(lettuce);
    if (lettuceMajor < 7 || netty42Type) {
      return null;
    }
    return "Lettuce " + lettuce + " cannot run on Netty " + describeNetty(netty) + ", found on the class path"
        + " (it lacks " + NETTY_42_TYPE + "): Lettuce " + lettuceMajor + " needs Netty 4.2. Use Lettuce 6.x with"
        + " Netty 4.1 (Lettuce 6.6 is the line Spring Boot 3.5 manages), or bring Netty 4.2 for Lettuce "
        + lettuceMajor + " (io.netty:netty-bom 4.2.x in dependencyManagement; with Spring Boot 3.5, the"
        + " netty.version property)";
  }

  /**
   * {@code 4.1.118.Final}; each version with its artifacts when they differ; {@code of unknown
   * version} when none is known.
   */
  static String describeNetty(Map<String, String> netty) {
    Map<String, List<String>> byVersion = new TreeMap<>();
    new TreeMap<>(netty).forEach((artifact, version) ->
        byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(artifact));
    if (byVersion.isEmpty()) {
      return "of unknown version";
    }
    if (byVersion.size() == 1) {
      return byVersion.keySet().iterator().next();
    }
    List<String> parts = new ArrayList<>();
    byVersion.forEach((version, artifacts) -> parts.add(version + " (" + String.join(", ", artifacts) + ")"));
    return String.join(" and ", parts);
  }

  /** The major version of {@code 7.7.0.RELEASE}; {@code -1} when unknown. */
  private static int major(@Nullable String version) {
    if (version == null) {
      return -1;
    }
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? -1 : Integer.parseInt(version.substring(0, end));
  }

  /** Netty's artifacts and their versions, as its jars say; empty when there is no Netty to ask. */
  private static Map<String, String> nettyVersions() {
    Map<String, String> versions = new TreeMap<>();
    try {
      io.netty.util.Version.identify(LOADER).forEach((artifact, version) ->
          versions.put(artifact, version.artifactVersion()));
    } catch (RuntimeException | LinkageError e) {
      // No Netty, or one that cannot say: the message says the version is unknown.
    }
    return versions;
  }

  /** What this class path has, read once. */
  private static final class Found {
    static final @Nullable String LETTUCE = lettuceVersion();
    static final @Nullable String MISMATCH = major(LETTUCE) >= 7 && !loads(NETTY_42_TYPE)
        ? mismatch(LETTUCE, nettyVersions(), false) : null;

    private Found() {}

    /** {@code 7.7.0.RELEASE} from the manifest's {@code 7.7.0.RELEASE/1960d49}. */
    private static @Nullable String lettuceVersion() {
      try {
        Package lettuce = Class.forName("io.lettuce.core.RedisClient", false, LOADER).getPackage();
        String version = lettuce == null ? null : lettuce.getImplementationVersion();
        return version == null || version.isBlank() ? null : version.split("/", 2)[0].trim();
      } catch (ClassNotFoundException | LinkageError e) {
        return null;
      }
    }

    private static boolean loads(String type) {
      try {
        Class.forName(type, false, LOADER);
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }
}
