package io.github.corebackend.cache.serial;

import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The classes a serializer may instantiate from bytes it did not write itself, as
 * {@link ObjectInputFilter.Config#createFilter} patterns: {@code com.example.User} (one class),
 * {@code com.example.*} (a package), {@code com.example.**} (a package and its subpackages),
 * {@code com.ex*} (a name prefix), {@code !pattern} (rejected). The first pattern that matches a class
 * decides; a class no pattern matches is rejected. Arrays are judged by their element type, and
 * primitive types are always allowed.
 *
 * <p>The JDK serializer hands the patterns to {@link ObjectInputFilter}; the Jackson serializers ask
 * {@link #allows(String)} before resolving a polymorphic type id. Both read the same list the same way.
 *
 * <p>Enum types are allowed whatever the list says ({@link #isEnum}): reading an enum constant runs
 * none of the code gadget chains need (no constructor, no {@code readObject}, no field set from the
 * bytes: the JDK and Jackson look the constant up by name), only the enum's own static initializer,
 * which the application runs anyway when it first uses the enum. This is what lets Hibernate's
 * entries, which keep an entity's enum attributes as they are, be read without an allow-list.
 */
public final class ClassAllowList {

  private static final ClassAllowList EVERYTHING = new ClassAllowList(List.of("*"));

  private final List<String> patterns;

  private ClassAllowList(List<String> patterns) {
    this.patterns = patterns;
  }

  /** Allows every class: for bytes this JVM wrote itself, such as store-by-value copies. */
  public static ClassAllowList everything() {
    return EVERYTHING;
  }

  /** The list of {@code ;}-separated {@code patterns}; blank entries are ignored. */
  public static ClassAllowList of(String patterns) {
    return new ClassAllowList(List.of()).plus(patterns);
  }

  /** This list followed by the {@code ;}-separated {@code more}. */
  public ClassAllowList plus(String more) {
    List<String> combined = new ArrayList<>(patterns);
    for (String pattern : more.split(";", -1)) {
      if (!pattern.isBlank()) {
        combined.add(pattern.trim());
      }
    }
    return new ClassAllowList(List.copyOf(combined));
  }

  /** This list, also allowing exactly {@code type} (the element type, for an array type). */
  public ClassAllowList plusClass(Class<?> type) {
    Class<?> element = type;
    while (element.isArray()) {
      element = element.getComponentType();
    }
    return element.isPrimitive() || element == Object.class ? this : plus(element.getName());
  }

  /** Whether every class is allowed. */
  public boolean allowsEverything() {
    return this == EVERYTHING;
  }

  /**
   * Whether the class named {@code className} (a binary name, or an array descriptor such as
   * {@code [Ljava.lang.String;}) may be instantiated.
   */
  public boolean allows(String className) {
    String element = elementName(className);
    if (element == null) {
      return true;
    }
    for (String pattern : patterns) {
      boolean reject = pattern.startsWith("!");
      String body = reject ? pattern.substring(1) : pattern;
      if (body.indexOf('=') >= 0) {
        continue; // a limit such as maxdepth=20, not a class pattern
      }
      if (matches(body.substring(body.indexOf('/') + 1), element)) {
        return !reject;
      }
    }
    return false;
  }

  /**
   * Whether {@code type} is an enum type, the class of an enum constant with a body of its own, or an
   * array of either: always safe to read back (see the class comment).
   */
  public static boolean isEnum(Class<?> type) {
    Class<?> element = type;
    while (element.isArray()) {
      element = element.getComponentType();
    }
    return Enum.class.isAssignableFrom(element) && element != Enum.class;
  }

  /** The filter that applies this list to Java deserialization; {@code null} when everything is allowed. */
  @Nullable ObjectInputFilter toObjectInputFilter() {
    return allowsEverything() ? null : ObjectInputFilter.Config.createFilter(String.join(";", patterns) + ";!*");
  }

  @Override
  public String toString() {
    return String.join(";", patterns);
  }

  private static boolean matches(String pattern, String className) {
    if (pattern.endsWith(".**")) {
      return className.startsWith(pattern.substring(0, pattern.length() - 2));
    }
    if (pattern.endsWith(".*")) {
      String pkg = pattern.substring(0, pattern.length() - 1);
      return className.startsWith(pkg) && className.indexOf('.', pkg.length()) < 0;
    }
    if (pattern.endsWith("*")) {
      return className.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return className.equals(pattern);
  }

  /** The element class of an array descriptor, or the name itself; {@code null} for primitives. */
  private static @Nullable String elementName(String className) {
    if (!className.startsWith("[")) {
      return className;
    }
    String element = className.replaceFirst("^\\[+", "");
    return element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : null;
  }
}
