package dev.hop.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Holds hop-core's layers (see {@code package-info.java} of {@code dev.hop.core}): each package imports only the
 * layers below it, the engines do not import one another, and each library stays inside the engine that owns it.
 */
@AnalyzeClasses(packages = "dev.hop.core", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

  private static final String[] ENGINES = {"git", "db", "codegen", "devserver", "validate"};

  @ArchTest
  static final ArchRule eachPackageImportsOnlyTheLayersBelowIt = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("base").definedBy("dev.hop.core.base")
      .layer("errors").definedBy("dev.hop.core.errors")
      .layer("release").definedBy("dev.hop.core.release")
      .layer("plan").definedBy("dev.hop.core.plan")
      .layer("git").definedBy("dev.hop.core.git")
      .layer("db").definedBy("dev.hop.core.db")
      .layer("codegen").definedBy("dev.hop.core.codegen")
      .layer("devserver").definedBy("dev.hop.core.devserver")
      .layer("validate").definedBy("dev.hop.core.validate")
      .layer("workflow").definedBy("dev.hop.core.workflow")
      .layer("api").definedBy("dev.hop.core")
      .layer("json").definedBy("dev.hop.core.json")
      .whereLayer("base").mayNotAccessAnyLayer()
      .whereLayer("errors").mayOnlyAccessLayers("base")
      .whereLayer("release").mayOnlyAccessLayers("base", "errors")
      .whereLayer("plan").mayOnlyAccessLayers("base", "errors")
      .whereLayer("git").mayOnlyAccessLayers("base", "errors", "release")
      .whereLayer("db").mayOnlyAccessLayers("base", "errors", "release")
      .whereLayer("codegen").mayOnlyAccessLayers("base", "errors")
      .whereLayer("devserver").mayOnlyAccessLayers("base", "errors")
      .whereLayer("validate").mayOnlyAccessLayers("base", "errors")
      .whereLayer("workflow").mayOnlyAccessLayers(below("base", "errors", "release", "plan"))
      .whereLayer("api").mayOnlyAccessLayers(below("base", "errors", "release", "plan", "workflow"))
      .whereLayer("json").mayOnlyAccessLayers("base", "errors", "release", "api");

  @ArchTest
  static final ArchRule noPackageCycle = slices().matching("dev.hop.core.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule jgitStaysInGit = library("org.eclipse.jgit..", "dev.hop.core.git..");

  @ArchTest
  static final ArchRule sshdStaysInGit = library("org.apache.sshd..", "dev.hop.core.git..");

  @ArchTest
  static final ArchRule javaParserStaysInCodegen = library("com.github.javaparser..", "dev.hop.core.codegen..");

  @ArchTest
  static final ArchRule mavenInvokerStaysInValidate = library("org.apache.maven.shared.invoker..",
      "dev.hop.core.validate..");

  private static ArchRule library(String library, String owner) {
    return noClasses().that().resideOutsideOfPackage(owner).should().dependOnClassesThat().resideInAPackage(library)
        .because(library + " is used through " + owner + " only");
  }

  /** The given layers and every engine. */
  private static String[] below(String... layers) {
    String[] all = new String[layers.length + ENGINES.length];
    System.arraycopy(layers, 0, all, 0, layers.length);
    System.arraycopy(ENGINES, 0, all, layers.length, ENGINES.length);
    return all;
  }
}
