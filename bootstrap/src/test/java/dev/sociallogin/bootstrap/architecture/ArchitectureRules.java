package dev.sociallogin.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture rules, each built for a root package: {@value #ROOT} for the real code, a fixture
 * package (mirroring the real layout) in {@code ArchitectureRulesCanFailTest}, which proves each
 * rule reports the violation its fixture commits.
 *
 * <p>Every rule names packages by pattern ({@code adapter.out.*}, {@code ..port.out..}, {@code
 * *UseCase}), never by a list of today's modules, so a new module such as {@code adapters-naver}
 * ({@code dev.sociallogin.adapter.out.naver}) is covered without editing them. The one place that
 * names adapters is the technology confinement ("only persistence may use JDBC"), whose point is
 * to name the one owner of a technology.
 *
 * <p>Rules fail when their {@code that} selects nothing ({@code allowEmptyShould(false)}): a rule
 * about a package that does not exist would otherwise pass vacuously.
 */
final class ArchitectureRules {

    static final String ROOT = "dev.sociallogin";

    static final String DOMAIN = "Domain";
    static final String APPLICATION = "Application";
    static final String INBOUND_ADAPTERS = "Inbound adapters";
    static final String OUTBOUND_ADAPTERS = "Outbound adapters";
    static final String BOOTSTRAP = "Bootstrap";
    static final String TEST_FIXTURES = "Test fixtures";
    static final String SETTINGS = "Settings";
    static final String PROVIDER_BASE = "Provider base";

    /** Spring MVC, the servlet API and the embedded Tomcat: the web adapter's technology. */
    static final String[] WEB_TECHNOLOGY = {"org.springframework.web..", "org.springframework.http..",
        "jakarta.servlet..", "javax.servlet..", "org.apache.catalina..", "org.apache.coyote..", "org.apache.tomcat.."};

    /** JDBC, Spring JDBC, the pool, migrations and drivers: the persistence adapter's technology. */
    static final String[] PERSISTENCE_TECHNOLOGY = {"java.sql..", "javax.sql..", "org.springframework.jdbc..",
        "org.springframework.dao..", "org.springframework.transaction..", "com.zaxxer.hikari..", "org.flywaydb..",
        "com.mysql..", "org.mariadb..", "org.h2.."};

    /** The HTTP client of identity-provider adapters. */
    static final String[] HTTP_CLIENT_TECHNOLOGY = {"okhttp3..", "okio.."};

    /** Spring's ways of making a class a bean: stereotypes, configuration classes, injection annotations. */
    static final String[] SPRING_WIRING = {"org.springframework.stereotype..", "org.springframework.context.annotation..",
        "org.springframework.beans.factory.annotation.."};
    /**
     * The metrics adapter's export: the Prometheus registry and the management listener's HTTP server.
     * Other adapters record through Micrometer's API ({@code io.micrometer.core}) and never choose the
     * registry that exports it.
     */
    static final String[] METRICS_EXPORT_TECHNOLOGY = {"io.micrometer.prometheusmetrics..", "io.prometheus..",
        "com.sun.net.httpserver.."};

    /** The JWT library of the token adapter. */
    static final String[] JWT_TECHNOLOGY = {"io.jsonwebtoken.."};

    /** Everything the pure core must not see: frameworks, JDBC, the JWT, HTTP and JSON libraries. */
    static final String[] CORE_FORBIDDEN = {"org.springframework..", "jakarta.servlet..", "javax.servlet..",
        "org.apache.catalina..", "org.apache.tomcat..", "java.sql..", "javax.sql..", "com.zaxxer.hikari..",
        "org.flywaydb..", "io.jsonwebtoken..", "okhttp3..", "okio..", "com.fasterxml.jackson..", "tools.jackson..",
        "org.slf4j..", "ch.qos.logback..", "io.micrometer..", "io.prometheus..", "io.github.bucket4j..",
        "com.github.benmanes.caffeine.."};

    /** The one class allowed among the outbound ports: a final registry of the enabled providers. */
    static final String IDENTITY_PROVIDERS = "IdentityProviders";

    private ArchitectureRules() {
    }

    /** Every rule by a short name, for the test that runs them all on a clean fixture. */
    static Map<String, ArchRule> all(String root) {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("layers", layers(root));
        rules.put("domainDependsOnlyOnJava", domainDependsOnlyOnJava(root));
        rules.put("applicationDependsOnlyOnJavaAndDomain", applicationDependsOnlyOnJavaAndDomain(root));
        rules.put("noTechnologyInCore", noTechnologyInCore(root));
        rules.put("adaptersDoNotDependOnEachOther", adaptersDoNotDependOnEachOther(root));
        rules.put("adaptersReachApplicationOnlyThroughInboundPorts", adaptersReachApplicationOnlyThroughInboundPorts(root));
        rules.put("webTechnologyOnlyInWebAdapter", webTechnologyOnlyInWebAdapter(root));
        rules.put("persistenceTechnologyOnlyInPersistenceAdapter", persistenceTechnologyOnlyInPersistenceAdapter(root));
        rules.put("httpClientOnlyInIdentityProviderAdapters", httpClientOnlyInIdentityProviderAdapters(root));
        rules.put("jwtLibraryOnlyInJwtAdapter", jwtLibraryOnlyInJwtAdapter(root));
        rules.put("providerBaseOnlyForProviderAdapters", providerBaseOnlyForProviderAdapters(root));
        rules.put("noSpringWiringInOutboundAdapters", noSpringWiringInOutboundAdapters(root));
        rules.put("metricsExportOnlyInMetricsAdapter", metricsExportOnlyInMetricsAdapter(root));
        rules.put("nothingDependsOnBootstrap", nothingDependsOnBootstrap(root));
        rules.put("noPackageCycles", noPackageCycles(root));
        rules.put("outboundPortsAreInterfaces", outboundPortsAreInterfaces(root));
        rules.put("useCasesAreInterfaces", useCasesAreInterfaces(root));
        rules.put("useCaseImplementationsLiveInApplicationService", useCaseImplementationsLiveInApplicationService(root));
        rules.put("outboundPortImplementationsLiveInOutboundAdapters", outboundPortImplementationsLiveInOutboundAdapters(root));
        rules.put("domainModelFieldsAreFinal", domainModelFieldsAreFinal(root));
        rules.put("domainModelHasNoSetters", domainModelHasNoSetters(root));
        rules.put("noFieldInjection", noFieldInjection(root));
        rules.put("noGenericExceptions", noGenericExceptions(root));
        rules.put("noStandardStreams", noStandardStreams(root));
        rules.put("noJavaUtilLogging", noJavaUtilLogging(root));
        return rules;
    }

    // ------------------------------------------------------------------ modules

    /** One layer per module; every class of the root package belongs to one of them. */
    static ArchRule layers(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(root + "..")
                .layer(DOMAIN).definedBy(root + ".domain..")
                .layer(APPLICATION).definedBy(root + ".application..")
                .layer(INBOUND_ADAPTERS).definedBy(root + ".adapter.in..")
                .layer(OUTBOUND_ADAPTERS).definedBy(root + ".adapter.out..")
                .layer(BOOTSTRAP).definedBy(root + ".bootstrap..")
                .layer(TEST_FIXTURES).definedBy(root + ".testfixtures..")
                .layer(SETTINGS).definedBy(root + ".settings..")
                .layer(PROVIDER_BASE).definedBy(root + ".provider..")
                .whereLayer(DOMAIN).mayNotAccessAnyLayer()
                .whereLayer(SETTINGS).mayNotAccessAnyLayer()
                .whereLayer(APPLICATION).mayOnlyAccessLayers(DOMAIN)
                .whereLayer(INBOUND_ADAPTERS).mayOnlyAccessLayers(APPLICATION, DOMAIN, SETTINGS)
                .whereLayer(OUTBOUND_ADAPTERS).mayOnlyAccessLayers(DOMAIN, SETTINGS, PROVIDER_BASE)
                .whereLayer(PROVIDER_BASE).mayOnlyAccessLayers(DOMAIN, SETTINGS)
                .whereLayer(PROVIDER_BASE).mayOnlyBeAccessedByLayers(OUTBOUND_ADAPTERS)
                .whereLayer(TEST_FIXTURES).mayOnlyAccessLayers(DOMAIN)
                .whereLayer(APPLICATION).mayOnlyBeAccessedByLayers(INBOUND_ADAPTERS, BOOTSTRAP)
                .whereLayer(INBOUND_ADAPTERS).mayOnlyBeAccessedByLayers(BOOTSTRAP)
                .whereLayer(OUTBOUND_ADAPTERS).mayOnlyBeAccessedByLayers(BOOTSTRAP)
                .whereLayer(BOOTSTRAP).mayNotBeAccessedByAnyLayer()
                .whereLayer(TEST_FIXTURES).mayNotBeAccessedByAnyLayer()
                .whereLayer(SETTINGS).mayOnlyBeAccessedByLayers(INBOUND_ADAPTERS, OUTBOUND_ADAPTERS, PROVIDER_BASE, BOOTSTRAP)
                .ensureAllClassesAreContainedInArchitecture()
                .because("the module graph is domain <- application <- web adapter, domain <- outbound adapters, "
                        + "domain <- test fixtures, settings <- adapters (each reads its own variables), the provider base "
                        + "<- outbound adapters, and only bootstrap sees every module");
    }

    static ArchRule domainDependsOnlyOnJava(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
                .allowEmptyShould(false)
                .because("the domain is pure Java: every technology sits behind one of its ports");
    }

    static ArchRule applicationDependsOnlyOnJavaAndDomain(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..", root + ".application..")
                .allowEmptyShould(false)
                .because("use cases are plain Java on the domain's ports, testable without any technology");
    }

    /** Narrower than the two above, and needed: {@code java.sql} is inside {@code java..}. */
    static ArchRule noTechnologyInCore(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(CORE_FORBIDDEN)
                .allowEmptyShould(false)
                .because("domain and application know no framework, JDBC, JWT, HTTP, JSON or logging library");
    }

    /** {@code adapter.in.web}, {@code adapter.out.kakao}, ... each a slice, whatever adapters exist. */
    static ArchRule adaptersDoNotDependOnEachOther(String root) {
        return slices().matching(root + ".adapter.(*).(*)..").namingSlices("adapter $1.$2")
                .should().notDependOnEachOther()
                .allowEmptyShould(false)
                .because("adapters meet only through the core's ports; bootstrap wires them together");
    }

    static ArchRule adaptersReachApplicationOnlyThroughInboundPorts(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat(resideInAPackage(root + ".application..")
                        .and(not(resideInAPackage(root + ".application.port.in.."))))
                .allowEmptyShould(false)
                .because("a driving adapter calls use-case interfaces, never the services behind them");
    }

    // ------------------------------------------------------------------ technologies

    static ArchRule webTechnologyOnlyInWebAdapter(String root) {
        return technologyOnlyIn(root, resideInAPackage(root + ".adapter.in.web.."), "Spring MVC, servlet and Tomcat",
                WEB_TECHNOLOGY);
    }

    static ArchRule persistenceTechnologyOnlyInPersistenceAdapter(String root) {
        return technologyOnlyIn(root, resideInAPackage(root + ".adapter.out.persistence.."),
                "JDBC, Spring JDBC, HikariCP, Flyway and the drivers", PERSISTENCE_TECHNOLOGY);
    }

    /**
     * OkHttp belongs to identity-provider adapters (outbound adapters holding an implementation of
     * {@code IdentityProvider}: a new provider module is allowed without editing this rule), to the
     * provider base they share, and to test fixtures that play providers over real HTTP; the
     * persistence or JWT adapter reaching for HTTP is not.
     */
    static ArchRule httpClientOnlyInIdentityProviderAdapters(String root) {
        return technologyOnlyIn(root, inOutboundAdapterServing(root, root + ".domain.port.out.IdentityProvider")
                        .or(resideInAnyPackage(root + ".provider..", root + ".testfixtures..")),
                "OkHttp", HTTP_CLIENT_TECHNOLOGY);
    }

    /**
     * The OAuth/OpenID Connect base ({@code root.provider..}) is for identity-provider adapters only:
     * no other adapter, nor the core, nor bootstrap reaches into it.
     */
    static ArchRule providerBaseOnlyForProviderAdapters(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and(not(resideInAPackage(root + ".provider..")))
                .and(not(inOutboundAdapterServing(root, root + ".domain.port.out.IdentityProvider")))
                .should().dependOnClassesThat().resideInAPackage(root + ".provider..")
                .allowEmptyShould(false)
                .because("the provider base is shared plumbing of the identity-provider adapters; anything else meets "
                        + "providers only through the IdentityProvider port");
    }

    /**
     * Outbound adapters and the provider base are plain Java that bootstrap constructs: no Spring
     * stereotype, configuration class or injection annotation (Spring's JDBC library is fine).
     */
    static ArchRule noSpringWiringInOutboundAdapters(String root) {
        return noClasses().that().resideInAnyPackage(root + ".adapter.out..", root + ".provider..")
                .should().beMetaAnnotatedWith("org.springframework.stereotype.Component")
                .orShould().dependOnClassesThat().resideInAnyPackage(SPRING_WIRING)
                .allowEmptyShould(false)
                .because("Spring wiring lives in bootstrap.config (and, for MVC, in the web adapter): outbound adapters are "
                        + "constructed, never scanned");
    }

    static ArchRule jwtLibraryOnlyInJwtAdapter(String root) {
        return technologyOnlyIn(root, resideInAPackage(root + ".adapter.out.jwt.."), "jjwt", JWT_TECHNOLOGY);
    }

    static ArchRule metricsExportOnlyInMetricsAdapter(String root) {
        return technologyOnlyIn(root, resideInAPackage(root + ".adapter.out.metrics.."),
                "The Prometheus registry and the management listener's HTTP server", METRICS_EXPORT_TECHNOLOGY);
    }

    /** Bootstrap may use anything: wiring a technology is its job. */
    private static ArchRule technologyOnlyIn(String root, DescribedPredicate<JavaClass> owner, String technology,
            String... packages) {
        return noClasses().that().resideInAPackage(root + "..")
                .and(not(owner))
                .and().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .allowEmptyShould(false)
                .because(technology + " belong to one adapter: each adapter uses only the core's ports and its own technology");
    }

    /** True for classes of an outbound adapter ({@code root.adapter.out.X..}) that holds an implementation of {@code port}. */
    static DescribedPredicate<JavaClass> inOutboundAdapterServing(String root, String port) {
        Pattern adapterPackage = Pattern.compile(Pattern.quote(root + ".adapter.out.") + "[^.]+");
        return DescribedPredicate.describe("in an outbound adapter implementing " + simpleName(port), javaClass -> {
            Matcher matcher = adapterPackage.matcher(javaClass.getPackageName());
            if (!matcher.lookingAt()) {
                return false;
            }
            Optional<JavaPackage> adapter = Optional.of(javaClass.getPackage());
            while (adapter.isPresent() && !adapter.get().getName().equals(matcher.group())) {
                adapter = adapter.get().getParent();
            }
            return adapter.map(p -> p.getClassesInPackageTree().stream()
                            .anyMatch(c -> !c.isInterface() && c.isAssignableTo(port)))
                    .orElse(false);
        });
    }

    // ------------------------------------------------------------------ direction and cycles

    static ArchRule nothingDependsOnBootstrap(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .allowEmptyShould(false)
                .because("bootstrap is the composition root: it sees every module and no module sees it");
    }

    /**
     * Every package is its own slice, so a cycle between two packages of one module counts too;
     * no exemptions (bootstrap's settings live in {@code bootstrap.settings}, below both the root
     * package and {@code bootstrap.config}).
     */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)")
                .should().beFreeOfCycles()
                .allowEmptyShould(false)
                .because("package cycles make modules impossible to split or to reason about one at a time");
    }

    // ------------------------------------------------------------------ ports and use cases

    /** {@code IdentityProviders} is the one documented exception (see the class comment of the test). */
    static ArchRule outboundPortsAreInterfaces(String root) {
        return classes().that().resideInAPackage(root + "..port.out..")
                .and().doNotHaveFullyQualifiedName(root + ".domain.port.out." + IDENTITY_PROVIDERS)
                .should().beInterfaces()
                .allowEmptyShould(false)
                .because("an outbound port is a role an adapter plays; its implementation lives in the adapter");
    }

    static ArchRule useCasesAreInterfaces(String root) {
        return classes().that().resideInAPackage(root + "..").and().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces()
                .allowEmptyShould(false)
                .because("a use case is an inbound port: driving adapters depend on the interface only");
    }

    static ArchRule useCaseImplementationsLiveInApplicationService(String root) {
        return classes().that().resideInAPackage(root + "..").and().areNotInterfaces()
                .and().implement(resideInAPackage(root + "..").and(nameEndingWith("UseCase")))
                .should().resideInAPackage(root + ".application.service..")
                .allowEmptyShould(false)
                .because("use cases are implemented once, in the application's services");
    }

    static ArchRule outboundPortImplementationsLiveInOutboundAdapters(String root) {
        return classes().that().resideInAPackage(root + "..").and().areNotInterfaces()
                .and().implement(resideInAPackage(root + ".domain.port.out.."))
                .and().resideOutsideOfPackage(root + ".testfixtures..")
                .should().resideInAPackage(root + ".adapter.out..")
                .allowEmptyShould(false)
                .because("a technology enters through an outbound adapter (test fixtures' fakes excepted)");
    }

    // ------------------------------------------------------------------ domain model

    static ArchRule domainModelFieldsAreFinal(String root) {
        return fields().that().areDeclaredInClassesThat().resideInAPackage(root + ".domain.model..")
                .should().beFinal()
                .allowEmptyShould(false)
                .because("domain values are immutable: a change is a new value");
    }

    static ArchRule domainModelHasNoSetters(String root) {
        return noMethods().that().areDeclaredInClassesThat().resideInAPackage(root + ".domain.model..")
                .should().haveNameMatching("set[A-Z].*")
                .allowEmptyShould(false)
                .because("domain values are immutable: a change is a new value");
    }

    // ------------------------------------------------------------------ general coding rules

    static ArchRule noFieldInjection(String root) {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should(GeneralCodingRules.BE_ANNOTATED_WITH_AN_INJECTION_ANNOTATION)
                .allowEmptyShould(false)
                .because("dependencies come through constructors, so a class cannot exist half-wired");
    }

    static ArchRule noGenericExceptions(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
                .allowEmptyShould(false)
                .because("failures are DomainException codes or specific exceptions a caller can tell apart");
    }

    static ArchRule noStandardStreams(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .allowEmptyShould(false)
                .because("output goes through SLF4J, where levels, format and redaction are controlled");
    }

    static ArchRule noJavaUtilLogging(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
                .allowEmptyShould(false)
                .because("the project logs through SLF4J; java.util.logging is only bridged into it");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
