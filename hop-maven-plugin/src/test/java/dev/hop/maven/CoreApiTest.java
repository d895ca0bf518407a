package dev.hop.maven;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.Version;

/** The Mojos use hop-core through its API only (see {@code package-info.java} of {@code dev.hop.core}). */
@AnalyzeClasses(packages = "dev.hop.maven", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreApiTest {

  @ArchTest
  static final ArchRule mojosUseTheCoreApiOnly = noClasses().should().dependOnClassesThat(
      resideInAPackage("dev.hop.core..")
          .and(not(resideInAnyPackage("dev.hop.core", "dev.hop.core.base", "dev.hop.core.errors", "dev.hop.core.json")))
          .and(not(type(Version.class).or(type(ReleaseLevel.class)).or(type(PatchId.class)))))
      .because("hop-core's other packages are internal");
}
