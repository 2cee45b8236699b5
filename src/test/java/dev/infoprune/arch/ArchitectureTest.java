package dev.infoprune.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.infoprune");

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.infoprune.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheUiOrTheCli() {
        noClasses().that().resideOutsideOfPackages("dev.infoprune.ui..", "dev.infoprune.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.infoprune.ui..", "dev.infoprune.cli..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void theCoreDependsOnNoPipelineStage() {
        noClasses().that().resideInAPackage("dev.infoprune.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.infoprune.model..", "dev.infoprune.data..",
                        "dev.infoprune.engine..", "dev.infoprune.info..", "dev.infoprune.prune..", "dev.infoprune.study..",
                        "dev.infoprune.workspace..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCliWritesToTheStandardStreams() {
        noClasses().that().resideOutsideOfPackage("dev.infoprune.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("the command line owns the terminal; the other stages log through System.Logger")
                .check(CLASSES);
    }
}
