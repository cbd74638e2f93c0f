package dev.sociallogin.bootstrap.architecture;

import static dev.sociallogin.bootstrap.architecture.ArchitectureRules.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every module of the build is among the classes the architecture tests check ({@link ArchitectureTest}'s import). */
class ModuleCoverageTest {

    /** The repository root: surefire runs in bootstrap's directory. */
    private static final Path ROOT_DIR = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyModuleOfTheBuild_isImportedByTheArchitectureTests() {
        Map<String, List<String>> modules = ModuleCoverage.modules(ROOT_DIR);
        JavaClasses imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

        assertThat(modules).containsKeys("domain", "application", "bootstrap", "provider-oauth", "adapters-kakao", "adapters-naver",
                "adapters-oidc", "adapters-dev", "test-providers");
        assertThat(ModuleCoverage.missing(modules, imported))
                .as("modules whose classes the architecture tests do not see: add them to bootstrap/pom.xml").isEmpty();
    }

    @Test
    void givenAModuleLeftOffTheClasspath_coverage_namesIt() {
        Map<String, List<String>> modules = ModuleCoverage.modules(ROOT_DIR);
        // as if only the core were on bootstrap's classpath
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT + ".domain", ROOT + ".application");

        assertThat(ModuleCoverage.missing(modules, core)).contains("adapters-naver", "adapters-oidc", "provider-oauth", "settings")
                .doesNotContain("domain", "application");
    }
}
