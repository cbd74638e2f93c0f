package dev.sociallogin.bootstrap.architecture;

import static dev.sociallogin.bootstrap.architecture.ArchitectureRules.ROOT;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture of the real code: every module's main classes (test-fixtures is a jar of main
 * classes and is included; the modules' own test classes are not). One field per rule, so each
 * violation is reported on its own; the rules themselves, and the proof that each can fail, are
 * in {@link ArchitectureRules} and {@code ArchitectureRulesCanFailTest}.
 *
 * <p>One documented exception: {@code domain.port.out.IdentityProviders} is a final class among the
 * outbound-port interfaces. It is not a role an adapter plays but the core's registry of the
 * enabled providers (lookup by name, {@code UNKNOWN_PROVIDER}, alphabetical listing), which the
 * application needs and no adapter should implement; moving it would change a contract type other
 * modules already use, for no gain in what the rules protect.
 */
@AnalyzeClasses(packages = ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
// ModuleCoverageTest imports the same way and fails when a module of the build is not among these classes
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = ArchitectureRules.layers(ROOT);

    @ArchTest
    static final ArchRule domain_depends_only_on_java = ArchitectureRules.domainDependsOnlyOnJava(ROOT);

    @ArchTest
    static final ArchRule application_depends_only_on_java_and_domain = ArchitectureRules.applicationDependsOnlyOnJavaAndDomain(ROOT);

    @ArchTest
    static final ArchRule no_technology_in_core = ArchitectureRules.noTechnologyInCore(ROOT);

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = ArchitectureRules.adaptersDoNotDependOnEachOther(ROOT);

    @ArchTest
    static final ArchRule adapters_reach_application_only_through_inbound_ports =
            ArchitectureRules.adaptersReachApplicationOnlyThroughInboundPorts(ROOT);

    @ArchTest
    static final ArchRule web_technology_only_in_web_adapter = ArchitectureRules.webTechnologyOnlyInWebAdapter(ROOT);

    @ArchTest
    static final ArchRule persistence_technology_only_in_persistence_adapter =
            ArchitectureRules.persistenceTechnologyOnlyInPersistenceAdapter(ROOT);

    @ArchTest
    static final ArchRule http_client_only_in_identity_provider_adapters =
            ArchitectureRules.httpClientOnlyInIdentityProviderAdapters(ROOT);

    @ArchTest
    static final ArchRule jwt_library_only_in_jwt_adapter = ArchitectureRules.jwtLibraryOnlyInJwtAdapter(ROOT);

    @ArchTest
    static final ArchRule provider_base_only_for_provider_adapters = ArchitectureRules.providerBaseOnlyForProviderAdapters(ROOT);

    @ArchTest
    static final ArchRule no_spring_wiring_in_outbound_adapters = ArchitectureRules.noSpringWiringInOutboundAdapters(ROOT);

    @ArchTest
    static final ArchRule metrics_export_only_in_metrics_adapter = ArchitectureRules.metricsExportOnlyInMetricsAdapter(ROOT);

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = ArchitectureRules.nothingDependsOnBootstrap(ROOT);

    @ArchTest
    static final ArchRule no_package_cycles = ArchitectureRules.noPackageCycles(ROOT);

    @ArchTest
    static final ArchRule outbound_ports_are_interfaces = ArchitectureRules.outboundPortsAreInterfaces(ROOT);

    @ArchTest
    static final ArchRule use_cases_are_interfaces = ArchitectureRules.useCasesAreInterfaces(ROOT);

    @ArchTest
    static final ArchRule use_case_implementations_live_in_application_service =
            ArchitectureRules.useCaseImplementationsLiveInApplicationService(ROOT);

    @ArchTest
    static final ArchRule outbound_port_implementations_live_in_outbound_adapters =
            ArchitectureRules.outboundPortImplementationsLiveInOutboundAdapters(ROOT);

    @ArchTest
    static final ArchRule domain_model_fields_are_final = ArchitectureRules.domainModelFieldsAreFinal(ROOT);

    @ArchTest
    static final ArchRule domain_model_has_no_setters = ArchitectureRules.domainModelHasNoSetters(ROOT);

    @ArchTest
    static final ArchRule no_field_injection = ArchitectureRules.noFieldInjection(ROOT);

    @ArchTest
    static final ArchRule no_generic_exceptions = ArchitectureRules.noGenericExceptions(ROOT);

    @ArchTest
    static final ArchRule no_standard_streams = ArchitectureRules.noStandardStreams(ROOT);

    @ArchTest
    static final ArchRule no_java_util_logging = ArchitectureRules.noJavaUtilLogging(ROOT);
}
