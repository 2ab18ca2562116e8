package dev.rbee.keeper;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract and keeper core stay free of UI and server frameworks, so the desktop app can reuse them. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rbee.contract", "dev.rbee.keeper");

    @Test
    void importsBothModules() {
        assertTrue(CLASSES.containPackage("dev.rbee.contract.client"), "contract classes are on the classpath");
        assertTrue(CLASSES.containPackage("dev.rbee.keeper.infer"), "keeper classes are on the classpath");
    }

    @Test
    void noJavaFxAndNoJavalin() {
        noClasses().that().resideInAnyPackage("dev.rbee.contract..", "dev.rbee.keeper..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.javalin..")
                .check(CLASSES);
    }

    @Test
    void keeperCoreDoesNotDependOnTheCommandLine() {
        noClasses().that().resideInAPackage("dev.rbee.keeper..")
                .and().resideOutsideOfPackage("dev.rbee.keeper.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rbee.keeper.cli..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void onlyMainMayExitTheJvm() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.rbee.keeper.cli.Main")
                .and().resideInAPackage("dev.rbee.keeper..")
                .should().callMethod(System.class, "exit", int.class)
                .check(CLASSES);
    }
}
