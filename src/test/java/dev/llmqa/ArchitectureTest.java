package dev.llmqa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.llmqa.content.Scaffold;
import dev.llmqa.markdown.Markdown;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of STYLE.md as tests: packages without cycles, the worker JVM's code apart from the build, and
 * the stages below the commands that call them.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.llmqa");
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("dev.llmqa.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void worker_code_uses_only_the_wire_protocol_and_the_jdk() {
        classes().that().resideInAPackage("dev.llmqa.snippet.worker..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.llmqa.snippet.worker..", "dev.llmqa.snippet.wire..", "dev.llmqa.text..", "java..", "jdk..")
                .because("the worker runs in its own JVM and knows nothing of the build but the protocol")
                .check(main);
    }

    @Test
    void the_wire_protocol_and_text_helpers_use_only_the_jdk() {
        classes().that().resideInAnyPackage("dev.llmqa.snippet.wire..", "dev.llmqa.text..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.llmqa.snippet.wire..", "dev.llmqa.text..", "java..")
                .because("both sides of the process boundary load them")
                .check(main);
    }

    @Test
    void stages_do_not_reach_up_into_the_commands() {
        noClasses().that().resideOutsideOfPackages("dev.llmqa.cli..", "dev.llmqa.serve..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.llmqa.cli..", "dev.llmqa.serve..")
                .because("commands call the pipeline, never the other way")
                .check(main);
    }

    @Test
    void only_the_composition_root_builds_the_pipeline_from_its_parts() {
        DescribedPredicate<JavaClass> stageParts = JavaClass.Predicates.resideInAnyPackage("dev.llmqa.content..",
                        "dev.llmqa.diagram..", "dev.llmqa.snippet..", "dev.llmqa.math..", "dev.llmqa.highlight..", "dev.llmqa.js..",
                        "dev.llmqa.example..", "dev.llmqa.bake..", "dev.llmqa.check..", "dev.llmqa.search..",
                        "dev.llmqa.execute..", "dev.llmqa.markdown..")
                .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(Scaffold.class)));
        noClasses().that().resideInAnyPackage("dev.llmqa.cli..", "dev.llmqa.serve..")
                .should().dependOnClassesThat(stageParts)
                .because("build.Pipeline and build.Tools make the stages and the tools kept warm; commands ask them"
                        + " (the new command's scaffolder is no stage)")
                .check(main);
    }

    @Test
    void markdown_is_parsed_in_one_place_the_scan() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.llmqa.content.BlockExtractor")
                .should().callMethod(Markdown.class, "parse", String.class)
                .because("each page is parsed once; later stages use the tree the scan made (Page.parsed)")
                .check(main);
    }

    @Test
    void written_pages_are_parsed_in_one_place() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.llmqa.check.ReadPages")
                .should().callMethod(Jsoup.class, "parse", java.io.File.class, String.class)
                .orShould().callMethod(Jsoup.class, "parse", String.class)
                .orShould().callMethod(Jsoup.class, "parseBodyFragment", String.class)
                .because("each written page is read once (Site.written), for the search index and the link check")
                .check(main);
    }
}
