package dev.infoprune.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

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

    /**
     * Each stage of the pipeline uses only the stages before it; the two front ends stay apart. A session (workspace)
     * keeps comparisons, so workspace may use study; study never uses workspace.
     */
    @Test
    void thePipelineStagesAreLayeredInOrder() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("dev.infoprune.core..")
                .layer("model").definedBy("dev.infoprune.model..")
                .layer("data").definedBy("dev.infoprune.data..")
                .layer("engine").definedBy("dev.infoprune.engine..")
                .layer("info").definedBy("dev.infoprune.info..")
                .layer("prune").definedBy("dev.infoprune.prune..")
                .layer("study").definedBy("dev.infoprune.study..")
                .layer("workspace").definedBy("dev.infoprune.workspace..")
                .layer("cli").definedBy("dev.infoprune.cli..")
                .layer("ui").definedBy("dev.infoprune.ui..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("study").mayOnlyBeAccessedByLayers("workspace", "cli", "ui")
                .whereLayer("workspace").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("prune").mayOnlyBeAccessedByLayers("study", "workspace", "cli", "ui")
                .whereLayer("info").mayOnlyBeAccessedByLayers("prune", "study", "workspace", "cli", "ui")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("info", "prune", "study", "workspace", "cli", "ui")
                .whereLayer("data").mayOnlyBeAccessedByLayers("engine", "info", "prune", "study", "workspace", "cli", "ui")
                .whereLayer("model").mayOnlyBeAccessedByLayers("data", "engine", "info", "prune", "study", "workspace",
                        "cli", "ui")
                .check(CLASSES);
    }

    @Test
    void onlyTheEngineUsesDjl() {
        noClasses().that().resideOutsideOfPackage("dev.infoprune.engine..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
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
