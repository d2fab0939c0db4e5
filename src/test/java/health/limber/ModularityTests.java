package health.limber;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries hold (no reach into another module's internals, no dependency a module's
 * {@code allowedDependencies} does not name, no cycles), and the committed module documentation in
 * {@code docs/modules} says what the code says. The documentation is written to {@code target/},
 * so a test run never changes the tree; the comparison ignores the order of lines, which the
 * generator does not keep stable.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LimberApplication.class);
    static final Path GENERATED = Path.of("target/modules");
    static final Path COMMITTED = Path.of("docs/modules");

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theCommittedModuleDocumentationMatchesTheCode() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(linesOf(COMMITTED))
                .as("docs/modules is out of date: run tools/update-module-docs.sh")
                .isEqualTo(linesOf(GENERATED));
    }

    /** Each file's lines, sorted, by file name. */
    private static Map<String, List<String>> linesOf(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            Map<String, List<String>> all = new TreeMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.put(file.getFileName().toString(), Files.readAllLines(file).stream().map(String::strip).sorted().collect(Collectors.toList()));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
