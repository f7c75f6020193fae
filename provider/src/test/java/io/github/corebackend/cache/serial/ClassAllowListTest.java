package io.github.corebackend.cache.serial;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassAllowListTest {

  @Test
  void readsPatternsTheWayObjectInputFilterDoes() {
    ClassAllowList list = ClassAllowList.of("com.example.Exact;org.shop.*;org.lib.**;net.pre*;!com.bad.**;com.**");

    assertTrue(list.allows("com.example.Exact"));
    assertTrue(list.allows("org.shop.Cart"));
    assertTrue(list.allows("org.shop.Cart$Line"));
    assertFalse(list.allows("org.shop.sub.Cart"), "a package pattern leaves subpackages out");
    assertTrue(list.allows("org.lib.deep.Thing"));
    assertTrue(list.allows("net.prefixed.Thing"));
    assertFalse(list.allows("com.bad.Gadget"), "the first matching pattern decides");
    assertTrue(list.allows("com.good.Thing"));
    assertFalse(list.allows("java.lang.String"), "nothing matches: rejected");
  }

  @Test
  void judgesArraysByTheirElementsAndAllowsPrimitives() {
    ClassAllowList list = ClassAllowList.of("java.lang.*");

    assertTrue(list.allows("[Ljava.lang.String;"));
    assertTrue(list.allows("[[Ljava.lang.Long;"));
    assertFalse(list.allows("[Ljava.net.URL;"));
    assertTrue(list.allows("[I"));
  }

  @Test
  void addsACachesDeclaredTypeExactly() {
    ClassAllowList list = ClassAllowList.of("").plusClass(SampleValues.Person[].class).plusClass(Object.class);

    assertTrue(list.allows(SampleValues.Person.class.getName()));
    assertFalse(list.allows(SampleValues.EntitySnapshot.class.getName()));
    assertFalse(list.allows("java.lang.Object"), "Object would allow nothing useful and is left out");
  }

  @Test
  void ignoresLimitsAndModuleNames() {
    ClassAllowList list = ClassAllowList.of("maxdepth=20;java.base/java.time.*");

    assertTrue(list.allows("java.time.Instant"));
    assertTrue(ClassAllowList.everything().allows("anything.At.All"));
  }
}
