package io.github.corebackend.cache.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of the provider's packages, checked on its compiled classes: no package cycles, a
 * core that knows no backend, and optional libraries used only where they are optional.
 */
class PackageStructureTest {

  private static final String ROOT = "io.github.corebackend.cache";
  private static final JavaClasses PROVIDER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  @Test
  void noPackageIsOnACycle() {
    slices().matching(ROOT + ".(**)").namingSlices("$1").should().beFreeOfCycles().check(PROVIDER);
  }

  @Test
  void theSubpackagesNeverDependOnThePublicApiPackage() {
    noClasses().that().resideInAPackage(ROOT + ".*..").should().dependOnClassesThat().resideInAPackage(ROOT)
        .check(PROVIDER);
  }

  @Test
  void theCoreKnowsNoBackend() {
    noClasses().that().resideInAnyPackage(ROOT, ROOT + ".core..", ROOT + ".event..", ROOT + ".spi..",
        ROOT + ".config..", ROOT + ".integration..", ROOT + ".processor..", ROOT + ".expiry..",
        ROOT + ".management..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".memory..", ROOT + ".redis..", ROOT + ".near..")
        .check(PROVIDER);
  }

  @Test
  void lettuceAndNettyAreUsedOnlyByTheLettuceClientPackage() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".redis.lettuce..")
        .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "io.netty..").check(PROVIDER);
  }

  @Test
  void jacksonIsUsedOnlyByTheSerializers() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".serial..")
        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "org.msgpack..").check(PROVIDER);
  }
}
