package dev.sociallogin.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.sociallogin.bootstrap.architecture.fixture.adapterslices.adapter.out.naver.NaverIdentityProvider;
import dev.sociallogin.bootstrap.architecture.fixture.applicationondomain.application.service.LoggingService;
import dev.sociallogin.bootstrap.architecture.fixture.coretechnology.domain.model.RowValue;
import dev.sociallogin.bootstrap.architecture.fixture.cycle.domain.model.Account;
import dev.sociallogin.bootstrap.architecture.fixture.domainonjava.domain.model.LoggingValue;
import dev.sociallogin.bootstrap.architecture.fixture.fieldinjection.adapter.in.web.InjectedController;
import dev.sociallogin.bootstrap.architecture.fixture.genericexception.application.service.GenericService;
import dev.sociallogin.bootstrap.architecture.fixture.httpelsewhere.adapter.out.jwt.JwksFetcher;
import dev.sociallogin.bootstrap.architecture.fixture.jdbcelsewhere.adapter.in.web.SqlController;
import dev.sociallogin.bootstrap.architecture.fixture.jul.adapter.out.persistence.JulStore;
import dev.sociallogin.bootstrap.architecture.fixture.jwtelsewhere.adapter.in.web.TokenPeek;
import dev.sociallogin.bootstrap.architecture.fixture.jwtinproviderbase.provider.oauth.IdTokenParser;
import dev.sociallogin.bootstrap.architecture.fixture.providerbaseelsewhere.adapter.in.web.TokenPeekingController;
import dev.sociallogin.bootstrap.architecture.fixture.providerbaseelsewhere.adapter.out.persistence.RetryingStore;
import dev.sociallogin.bootstrap.architecture.fixture.springoutbound.adapter.out.persistence.ScannedStore;
import dev.sociallogin.bootstrap.architecture.fixture.springoutbound.provider.oauth.WiredProvider;
import dev.sociallogin.bootstrap.architecture.fixture.coremetrics.application.service.CountingService;
import dev.sociallogin.bootstrap.architecture.fixture.layers.domain.model.Leaky;
import dev.sociallogin.bootstrap.architecture.fixture.metricselsewhere.adapter.in.web.MetricsPage;
import dev.sociallogin.bootstrap.architecture.fixture.mutablemodel.domain.model.Counter;
import dev.sociallogin.bootstrap.architecture.fixture.portclass.domain.port.out.TokenStore;
import dev.sociallogin.bootstrap.architecture.fixture.portimpl.application.service.CachingTokenStore;
import dev.sociallogin.bootstrap.architecture.fixture.reachesbootstrap.adapter.out.persistence.SettingsReader;
import dev.sociallogin.bootstrap.architecture.fixture.settermodel.domain.model.Person;
import dev.sociallogin.bootstrap.architecture.fixture.settingsreach.settings.DomainAwareSettings;
import dev.sociallogin.bootstrap.architecture.fixture.standardstreams.adapter.out.kakao.PrintingClient;
import dev.sociallogin.bootstrap.architecture.fixture.stray.util.Stray;
import dev.sociallogin.bootstrap.architecture.fixture.usecaseclass.application.port.in.LogInUseCase;
import dev.sociallogin.bootstrap.architecture.fixture.usecaseimpl.adapter.in.web.LogInShortcut;
import dev.sociallogin.bootstrap.architecture.fixture.webcallsservice.adapter.in.web.LogInController;
import dev.sociallogin.bootstrap.architecture.fixture.webtechelsewhere.adapter.out.kakao.KakaoCallback;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves every architecture rule can fail: each runs against a small fixture (test classes under
 * {@code fixture.<case>}, laid out like the real root package) that breaks it, and must report the
 * offending class. A clean fixture, with every module present, passes every rule, so each report
 * comes from the one thing its fixture does wrong and not from the fixture's shape.
 */
class ArchitectureRulesCanFailTest {

    private static final String FIXTURES = "dev.sociallogin.bootstrap.architecture.fixture";

    /** rule name (as in {@link ArchitectureRules#all}), fixture case, rule factory, the class that must be named. */
    static Stream<Arguments> brokenFixtures() {
        return Stream.of(
                broken("layers", "layers", ArchitectureRules::layers, Leaky.class),
                broken("layers", "stray", ArchitectureRules::layers, Stray.class),
                broken("layers", "settingsreach", ArchitectureRules::layers, DomainAwareSettings.class),
                broken("domainDependsOnlyOnJava", "domainonjava", ArchitectureRules::domainDependsOnlyOnJava, LoggingValue.class),
                broken("applicationDependsOnlyOnJavaAndDomain", "applicationondomain",
                        ArchitectureRules::applicationDependsOnlyOnJavaAndDomain, LoggingService.class),
                broken("noTechnologyInCore", "coretechnology", ArchitectureRules::noTechnologyInCore, RowValue.class),
                broken("noTechnologyInCore", "coremetrics", ArchitectureRules::noTechnologyInCore, CountingService.class),
                broken("adaptersDoNotDependOnEachOther", "adapterslices", ArchitectureRules::adaptersDoNotDependOnEachOther,
                        NaverIdentityProvider.class),
                broken("adaptersReachApplicationOnlyThroughInboundPorts", "webcallsservice",
                        ArchitectureRules::adaptersReachApplicationOnlyThroughInboundPorts, LogInController.class),
                broken("webTechnologyOnlyInWebAdapter", "webtechelsewhere", ArchitectureRules::webTechnologyOnlyInWebAdapter,
                        KakaoCallback.class),
                broken("persistenceTechnologyOnlyInPersistenceAdapter", "jdbcelsewhere",
                        ArchitectureRules::persistenceTechnologyOnlyInPersistenceAdapter, SqlController.class),
                broken("httpClientOnlyInIdentityProviderAdapters", "httpelsewhere",
                        ArchitectureRules::httpClientOnlyInIdentityProviderAdapters, JwksFetcher.class),
                broken("jwtLibraryOnlyInJwtAdapter", "jwtelsewhere", ArchitectureRules::jwtLibraryOnlyInJwtAdapter, TokenPeek.class),
                broken("jwtLibraryOnlyInJwtAdapter", "jwtinproviderbase", ArchitectureRules::jwtLibraryOnlyInJwtAdapter,
                        IdTokenParser.class),
                broken("providerBaseOnlyForProviderAdapters", "providerbaseelsewhere",
                        ArchitectureRules::providerBaseOnlyForProviderAdapters, RetryingStore.class),
                broken("layers", "providerbaseelsewhere", ArchitectureRules::layers, TokenPeekingController.class),
                broken("noSpringWiringInOutboundAdapters", "springoutbound", ArchitectureRules::noSpringWiringInOutboundAdapters,
                        ScannedStore.class),
                broken("noSpringWiringInOutboundAdapters", "springoutbound", ArchitectureRules::noSpringWiringInOutboundAdapters,
                        WiredProvider.class),
                broken("metricsExportOnlyInMetricsAdapter", "metricselsewhere", ArchitectureRules::metricsExportOnlyInMetricsAdapter,
                        MetricsPage.class),
                broken("nothingDependsOnBootstrap", "reachesbootstrap", ArchitectureRules::nothingDependsOnBootstrap,
                        SettingsReader.class),
                broken("noPackageCycles", "cycle", ArchitectureRules::noPackageCycles, Account.class),
                broken("outboundPortsAreInterfaces", "portclass", ArchitectureRules::outboundPortsAreInterfaces, TokenStore.class),
                broken("useCasesAreInterfaces", "usecaseclass", ArchitectureRules::useCasesAreInterfaces, LogInUseCase.class),
                broken("useCaseImplementationsLiveInApplicationService", "usecaseimpl",
                        ArchitectureRules::useCaseImplementationsLiveInApplicationService, LogInShortcut.class),
                broken("outboundPortImplementationsLiveInOutboundAdapters", "portimpl",
                        ArchitectureRules::outboundPortImplementationsLiveInOutboundAdapters, CachingTokenStore.class),
                broken("domainModelFieldsAreFinal", "mutablemodel", ArchitectureRules::domainModelFieldsAreFinal, Counter.class),
                broken("domainModelHasNoSetters", "settermodel", ArchitectureRules::domainModelHasNoSetters, Person.class),
                broken("noFieldInjection", "fieldinjection", ArchitectureRules::noFieldInjection, InjectedController.class),
                broken("noGenericExceptions", "genericexception", ArchitectureRules::noGenericExceptions, GenericService.class),
                broken("noStandardStreams", "standardstreams", ArchitectureRules::noStandardStreams, PrintingClient.class),
                broken("noJavaUtilLogging", "jul", ArchitectureRules::noJavaUtilLogging, JulStore.class));
    }

    @ParameterizedTest(name = "{0} fails on fixture {1}")
    @MethodSource("brokenFixtures")
    void givenFixtureBreakingTheRule_evaluate_reportsTheOffendingClass(String ruleName, String fixtureCase,
            Function<String, ArchRule> factory, Class<?> offender) {
        String root = FIXTURES + "." + fixtureCase;
        JavaClasses classes = importFixture(fixtureCase);
        assertThat(classes.contain(offender)).as("fixture imported").isTrue();

        EvaluationResult result = factory.apply(root).evaluate(classes);

        assertThat(result.hasViolation()).as("%s reports a violation", ruleName).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(detail -> assertThat(detail).contains(offender.getName()));
    }

    @Test
    void everyRuleHasAFixtureThatBreaksIt() {
        Set<String> proven = new HashSet<>();
        brokenFixtures().forEach(arguments -> proven.add((String) arguments.get()[0]));

        assertThat(proven).containsExactlyInAnyOrderElementsOf(ArchitectureRules.all(FIXTURES + ".clean").keySet());
    }

    @Test
    void givenCleanFixture_everyRule_passes() {
        String root = FIXTURES + ".clean";
        JavaClasses classes = importFixture("clean");

        Map<String, ArchRule> rules = ArchitectureRules.all(root);

        rules.forEach((name, rule) -> assertThat(rule.evaluate(classes).getFailureReport().getDetails())
                .as("%s on the clean fixture", name).isEmpty());
    }

    @Test
    void givenNoClassesMatch_rulesFailRatherThanPassVacuously() {
        // a root with no classes at all: a rule that silently passed here would pass on a typo too
        JavaClasses classes = importFixture("clean");

        ArchitectureRules.all(FIXTURES + ".nosuchpackage").forEach((name, rule) ->
                assertThat(catchThrowable(() -> rule.check(classes))).as("%s on an empty selection", name).isInstanceOf(AssertionError.class));
    }

    @Test
    void givenIdentityProviderAdapter_httpClientRule_allowsItsOkHttp() {
        EvaluationResult result = ArchitectureRules.httpClientOnlyInIdentityProviderAdapters(FIXTURES + ".httpelsewhere")
                .evaluate(importFixture("httpelsewhere"));

        assertThat(result.getFailureReport().getDetails())
                .noneSatisfy(detail -> assertThat(detail).contains("NaverIdentityProvider"));
    }

    @Test
    void givenProviderAdapterUsingTheBase_providerBaseRule_allowsIt() {
        List<String> details = ArchitectureRules.providerBaseOnlyForProviderAdapters(FIXTURES + ".providerbaseelsewhere")
                .evaluate(importFixture("providerbaseelsewhere")).getFailureReport().getDetails();

        assertThat(details).isNotEmpty().noneSatisfy(detail -> assertThat(detail).contains("NaverIdentityProvider"));
    }

    @Test
    void givenPersistenceUsingSpringJdbc_springWiringRule_allowsIt() {
        List<String> details = ArchitectureRules.noSpringWiringInOutboundAdapters(FIXTURES + ".springoutbound")
                .evaluate(importFixture("springoutbound")).getFailureReport().getDetails();

        assertThat(details).isNotEmpty().noneSatisfy(detail -> assertThat(detail).contains("JdbcOnlyStore"));
    }

    @Test
    void givenFakesAndTheRegistry_portRules_allowTheDocumentedExceptions() {
        List<String> portImplementations = ArchitectureRules.outboundPortImplementationsLiveInOutboundAdapters(FIXTURES + ".portimpl")
                .evaluate(importFixture("portimpl")).getFailureReport().getDetails();
        List<String> portClasses = ArchitectureRules.outboundPortsAreInterfaces(FIXTURES + ".portclass")
                .evaluate(importFixture("portclass")).getFailureReport().getDetails();

        assertThat(portImplementations).noneSatisfy(detail -> assertThat(detail).contains("InMemoryTokenStore"));
        assertThat(portClasses).noneSatisfy(detail -> assertThat(detail).contains(ArchitectureRules.IDENTITY_PROVIDERS));
    }

    @Test
    void givenJavaSqlInDomain_onlyTheTechnologyRuleCatchesIt() {
        // why the technology rule exists next to "only java..": java.sql is inside java..
        JavaClasses classes = importFixture("coretechnology");

        assertThat(ArchitectureRules.domainDependsOnlyOnJava(FIXTURES + ".coretechnology").evaluate(classes).hasViolation())
                .isFalse();
        assertThat(ArchitectureRules.noTechnologyInCore(FIXTURES + ".coretechnology").evaluate(classes).hasViolation())
                .isTrue();
    }

    private static JavaClasses importFixture(String fixtureCase) {
        return new ClassFileImporter().importPackages(FIXTURES + "." + fixtureCase);
    }

    private static Arguments broken(String ruleName, String fixtureCase, Function<String, ArchRule> factory, Class<?> offender) {
        return Arguments.of(ruleName, fixtureCase, factory, offender);
    }
}
