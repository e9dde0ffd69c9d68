package rootcause;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package graph of the application's classes (tests left out), checked on the compiled classes by ArchUnit. */
class PackageDependenciesTest {
    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("rootcause");

    /** A loop (sentiment imports nlp, nlp imports sentiment) means neither can change or be tested alone. */
    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("rootcause.(*)..").should().beFreeOfCycles().check(APPLICATION);
    }

    /** The metrics are below the stage that scans for them and the report that shows them, never beside. */
    @Test
    void metricsKnowNeitherTheAggregateStageNorTheReport() {
        noClasses().that().resideInAPackage("rootcause.metric..").should().dependOnClassesThat()
                .resideInAnyPackage("rootcause.aggregate..", "rootcause.report..", "rootcause.job..", "rootcause.cli..")
                .check(APPLICATION);
    }
}
