package rootcause;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.api.Test;
import rootcause.model.UpwardArrowFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The package graph of the application's classes (tests left out), checked on the compiled classes by ArchUnit:
 * the floors of docs/ARCHITECTURE.md, bottom first. A package may import only packages on a lower floor.
 */
class PackageDependenciesTest {
    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("rootcause");

    /** The floors, bottom first; each package (with its sub-packages) on exactly one. */
    static final List<List<String>> FLOORS = List.of(
            List.of("model", "embed"),
            List.of("io", "sentiment", "metric"),
            List.of("ingest", "clean", "aggregate", "console"),
            List.of("nlp"),
            List.of("classify", "report"),
            List.of("job", "evaluation"),
            List.of("cli"));

    /** One rule per package: none of its classes uses a package on its own floor or above. */
    static ArchRule noArrowUp() {
        List<ArchRule> rules = new ArrayList<>();
        for (int floor = 0; floor < FLOORS.size(); floor++) {
            for (String pkg : FLOORS.get(floor)) {
                List<String> notBelow = new ArrayList<>();
                for (int above = floor; above < FLOORS.size(); above++) {
                    FLOORS.get(above).stream().filter(p -> !p.equals(pkg)).forEach(p -> notBelow.add("rootcause." + p + ".."));
                }
                if (!notBelow.isEmpty()) {
                    rules.add(noClasses().that().resideInAPackage("rootcause." + pkg + "..").should().dependOnClassesThat()
                            .resideInAnyPackage(notBelow.toArray(String[]::new)).allowEmptyShould(true));
                }
            }
        }
        return CompositeArchRule.of(rules);
    }

    /** A loop (sentiment imports nlp, nlp imports sentiment) means neither can change or be tested alone. */
    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("rootcause.(*)..").should().beFreeOfCycles().check(APPLICATION);
        slices().matching("rootcause.evaluation.(*)..").should().beFreeOfCycles().check(APPLICATION);
        slices().matching("rootcause.job.(*)..").should().beFreeOfCycles().check(APPLICATION);
    }

    /** job's parts (the lock, the manifest, the month tables) sit under the run that uses them, never the reverse. */
    @Test
    void theRunsPartsDoNotImportTheRun() {
        noClasses().that().resideInAnyPackage("rootcause.job.lock..", "rootcause.job.manifest..", "rootcause.job.tables..")
                .should().dependOnClassesThat().resideInAPackage("rootcause.job").check(APPLICATION);
    }

    @Test
    void noPackageImportsOneOnItsOwnFloorOrAbove() {
        noArrowUp().check(APPLICATION);
    }

    /** A new package must be given a floor, or the rule above would not see its arrows. */
    @Test
    void everyPackageHasAFloor() {
        Set<String> onFloors = FLOORS.stream().flatMap(List::stream).collect(Collectors.toSet());
        Set<String> found = new TreeSet<>();
        for (JavaClass c : APPLICATION) {
            String rest = c.getPackageName().equals("rootcause") ? "" : c.getPackageName().substring("rootcause.".length());
            found.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
        }
        assertThat(onFloors).containsAll(found);
    }

    /** The evaluation's shared corpora are below what scores causes and what trains sentiment; those two apart. */
    @Test
    void evaluationCorporaKnowNeitherCausesNorSentiment() {
        noClasses().that().resideInAPackage("rootcause.evaluation").should().dependOnClassesThat()
                .resideInAnyPackage("rootcause.evaluation.causes..", "rootcause.evaluation.sentiment..").check(APPLICATION);
        noClasses().that().resideInAPackage("rootcause.evaluation.causes..").should().dependOnClassesThat()
                .resideInAPackage("rootcause.evaluation.sentiment..").check(APPLICATION);
        noClasses().that().resideInAPackage("rootcause.evaluation.sentiment..").should().dependOnClassesThat()
                .resideInAPackage("rootcause.evaluation.causes..").check(APPLICATION);
    }

    /** The metrics are below the stage that scans for them and the report that shows them, never beside. */
    @Test
    void metricsKnowNeitherTheAggregateStageNorTheReport() {
        noClasses().that().resideInAPackage("rootcause.metric..").should().dependOnClassesThat()
                .resideInAnyPackage("rootcause.aggregate..", "rootcause.report..", "rootcause.job..", "rootcause.cli..")
                .check(APPLICATION);
    }

    /**
     * A stage reads another stage's output through the data contract ({@code model.DataContract}, {@code Columns},
     * {@code metric.CauseMetricRegistry}), never through the producing stage's class and its constants.
     */
    @Test
    void stagesDoNotReachIntoEachOther() {
        for (String stage : List.of("ingest", "clean", "nlp", "classify", "aggregate", "report")) {
            noClasses().that().resideInAPackage("rootcause." + stage + "..").should().dependOnClassesThat(
                    JavaClass.Predicates.simpleNameEndingWith("Stage")
                            .and(JavaClass.Predicates.resideOutsideOfPackage("rootcause." + stage + "..")))
                    .check(APPLICATION);
        }
    }

    /** Verbs parse options, call one API and print: none reads, transforms or writes a Dataset or the month tables. */
    @Test
    void verbsLeaveTheDataToTheJob() {
        handlesNoData("rootcause.cli..").check(APPLICATION);
    }

    /** The verbs' rule can fail: it catches a class that handles Datasets (the report verb's job). */
    @Test
    void aClassHandlingDatasetsFailsTheVerbsRule() {
        JavaClasses job = new ClassFileImporter().importClasses(rootcause.job.ReportJob.class);
        assertThatThrownBy(() -> handlesNoData("rootcause.job").check(job)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.apache.spark.sql.Dataset");
    }

    static ArchRule handlesNoData(String packages) {
        return noClasses().that().resideInAPackage(packages).should().dependOnClassesThat()
                .belongToAnyOf(org.apache.spark.sql.Dataset.class, rootcause.job.tables.MonthTables.class);
    }

    /** The floor rule can fail: a class of {@code model} (a test fixture) that uses the cli is an arrow back up. */
    @Test
    void anArrowBackUpFails() {
        JavaClasses withArrowUp = new ClassFileImporter().importClasses(UpwardArrowFixture.class, rootcause.cli.RootCauseCli.class);
        assertThatThrownBy(() -> noArrowUp().check(withArrowUp))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UpwardArrowFixture.class.getName()).hasMessageContaining("rootcause.cli.RootCauseCli");
    }
}
