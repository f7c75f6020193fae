package io.github.corebackend.cache.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Redis password never shows, whole or in part, in an exception (message, cause, stack trace) or a
 * log line, whatever characters it holds and however the address is written; and a password with
 * any of those characters authenticates, raw or URL-encoded, against a server of the test's own.
 */
class RedisSecretsTest {

  /** The characters that end a URL's parts; each password holds them between words that must not leak. */
  private static final Map<String, String> SPECIALS = Map.of("/", "%2F", "#", "%23", "@", "%40", ":", "%3A",
      "%", "%25", "?", "%3F", ",", "%2C");
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[/#@:%?,]");
  private static final String[] WORDS = {"Xqv7", "Zrw4", "Hjk2", "Mnb5", "Plo8", "Wer3", "Tyu6", "Gfd1"};

  @AutoClose
  private static final RedisTestServer server = RedisTestServer.startOwn();
  private final List<CacheManager> managers = new ArrayList<>();
  private final List<String> logged = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      StringWriter text = new StringWriter();
      text.append(record.getLoggerName()).append(' ').append(String.valueOf(record.getMessage()));
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          text.append(' ').append(String.valueOf(parameter));
        }
      }
      if (record.getThrown() != null) {
        record.getThrown().printStackTrace(new PrintWriter(text));
      }
      synchronized (logged) {
        logged.add(text.toString());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level ownLevel;

  @BeforeEach
  void captureLogs() {
    Logger.getLogger("").addHandler(capture);
    Logger own = Logger.getLogger("io.github.corebackend");
    ownLevel = own.getLevel();
    own.setLevel(Level.ALL); // every line of ours, debug included
    capture.setLevel(Level.ALL);
  }

  @AfterEach
  void closeManagers() {
    managers.forEach(CacheManager::close);
    Logger.getLogger("").removeHandler(capture);
    Logger.getLogger("io.github.corebackend").setLevel(ownLevel);
  }

  /** A password of two words around one special character, and one holding every special character. */
  static Stream<String> passwords() {
    List<String> passwords = new ArrayList<>();
    int i = 0;
    for (String special : List.of("/", "#", "@", ":", "%", "?", ",")) {
      passwords.add(WORDS[i % WORDS.length] + special + WORDS[(i + 1) % WORDS.length]);
      i++;
    }
    passwords.add("Xqv7/Zrw4#Hjk2@Mnb5:Plo8%Wer3?Tyu6,Gfd1");
    return passwords.stream();
  }

  /** Each password as written raw and URL-encoded, in every form of address. */
  static Stream<Arguments> addresses() {
    int free = RedisTestServer.freePort();
    int other = RedisTestServer.freePort();
    List<Arguments> cases = new ArrayList<>();
    passwords().forEach(password -> {
      for (String written : List.of(password, encoded(password))) {
        for (String form : forms(free, other)) {
          cases.add(Arguments.of(password, form.replace("PW", written)));
        }
      }
    });
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("passwords")
  void aPasswordWithAnySpecialCharacterAuthenticatesRawAndUrlEncoded(String password) {
    String user = "app" + Integer.toHexString(password.hashCode());
    server.command("ACL", "SETUSER", user, "reset", "on", ">" + password, "~*", "&*", "+@all");
    for (String written : List.of(password, encoded(password))) {
      for (String backend : List.of("redis", "near")) {
        String url = "redis://" + user + ":" + written + "@127.0.0.1:" + server.port();
        Cache<String, String> cache = manager(url, "cache.backend", backend).createCache("auth",
            new MutableConfiguration<>());
        cache.put("k", written);
        assertEquals(written, cache.get("k"), backend + " with " + written);
        assertEquals(written, cache.get("k"), backend + " with " + written + ", read again");
      }
    }
    assertNothingLogged(password);
  }

  @ParameterizedTest
  @MethodSource("addresses")
  void aPasswordNeverShowsWhenConnectingFails(String password, String url) {
    CacheException e = assertThrows(CacheException.class, () -> manager(url).createCache("c",
        new MutableConfiguration<>()).get("k"));

    assertNoSecret(password, e);
    assertNothingLogged(password);
  }

  @ParameterizedTest
  @MethodSource("addresses")
  void aPasswordNeverShowsWhenTheAddressIsInvalid(String password, String url) {
    for (String invalid : List.of(url.replaceFirst(":\\d+", ":notaport"), url.replaceFirst("/0#", "/x#"),
        url.replaceFirst("(127\\.0\\.0\\.1:\\d+)$", "$1/notadb"),
        url.replaceFirst("^[a-z-]+://", "memcached://"))) {
      if (invalid.equals(url)) {
        continue;
      }
      CacheException e = assertThrows(CacheException.class, () -> manager(invalid).createCache("c",
          new MutableConfiguration<>()).get("k"), invalid);
      assertNoSecret(password, e);
    }
    assertNothingLogged(password);
  }

  @Test
  void aWrongPasswordWithSpecialCharactersIsRefusedWithoutShowingIt() {
    server.command("ACL", "SETUSER", "wrong", "reset", "on", ">right", "~*", "+@all");
    passwords().forEach(password -> {
      for (String backend : List.of("redis", "near")) {
        Cache<String, String> cache = manager("redis://wrong:" + password + "@127.0.0.1:" + server.port(),
            "cache.backend", backend).createCache("c", new MutableConfiguration<>());
        CacheException e = assertThrows(CacheException.class, () -> cache.get("k"));
        assertFalse(e.getMessage().isEmpty());
        assertNoSecret(password, e);
      }
      assertNothingLogged(password);
    });
  }

  private static List<String> forms(int port, int otherPort) {
    String host = "127.0.0.1:" + port;
    String otherHost = "127.0.0.1:" + otherPort;
    return List.of("redis://app:PW@" + host + "/0",
        "redis://:PW@" + host,
        "rediss://app:PW@" + host,
        "redis-sentinel://app:PW@" + host + "," + otherHost + "/0#mymaster",
        "redis-cluster://app:PW@" + host + "," + otherHost,
        "redis://app:PW@" + host + ",redis://app:PW@" + otherHost,
        "redis://app:PW@127.0.0.1:" + server.port()); // a server that knows no user app
  }

  private static String encoded(String password) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < password.length(); i++) {
      String c = String.valueOf(password.charAt(i));
      text.append(SPECIALS.getOrDefault(c, c));
    }
    return text.toString();
  }

  /** No word of the password, nor its encoded form, anywhere in the exception or its causes. */
  private static void assertNoSecret(String password, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertNoWordOf(password, trace.toString());
  }

  private void assertNothingLogged(String password) {
    synchronized (logged) {
      for (String line : logged) {
        assertNoWordOf(password, line);
      }
    }
  }

  private static void assertNoWordOf(String password, String text) {
    for (String word : WORD_SEPARATORS.split(password, -1)) {
      assertFalse(text.contains(word), () -> "'" + word + "' of the password shows in:\n" + text);
    }
  }

  private CacheManager manager(String url, String... settings) {
    CacheManager manager = RedisTestManagers.create(url, settings);
    managers.add(manager);
    return manager;
  }
}
