package health.limber;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code in {@code src/main/java}: no source file over 400 lines and no method or
 * constructor over 60, so that each piece can be read whole. Prints the largest of each, the
 * figures the reshape issue asks for.
 */
class CodeShapeTests {

    static final int MAX_FILE_LINES = 400;
    static final int MAX_METHOD_LINES = 60;

    record Measured(String where, int lines) {
        @Override
        public String toString() {
            return where + " (" + lines + " lines)";
        }
    }

    static final List<Measured> FILES = new ArrayList<>();
    static final List<Measured> METHODS = new ArrayList<>();

    @BeforeAll
    static void measure() throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = Path.of("src/main/java").relativize(source).toString();
                List<String> lines = Files.readAllLines(source);
                FILES.add(new Measured(name, lines.size()));
                CompilationUnit unit = parse(source);
                unit.findAll(CallableDeclaration.class).forEach(callable -> callable.getRange().ifPresent(range ->
                        METHODS.add(new Measured(name + " " + callable.getNameAsString() + "(…) at line " + range.begin.line,
                                range.end.line - range.begin.line + 1))));
            }
        }
        FILES.sort(Comparator.comparingInt(Measured::lines).reversed());
        METHODS.sort(Comparator.comparingInt(Measured::lines).reversed());
        System.out.println("Largest source files: " + FILES.subList(0, 5));
        System.out.println("Longest methods: " + METHODS.subList(0, 5));
    }

    private static CompilationUnit parse(Path source) {
        try {
            return StaticJavaParser.parse(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noSourceFileIsOver400Lines() {
        assertThat(FILES).filteredOn(f -> f.lines() > MAX_FILE_LINES).isEmpty();
    }

    @Test
    void noMethodIsOver60Lines() {
        assertThat(METHODS).filteredOn(m -> m.lines() > MAX_METHOD_LINES).isEmpty();
    }
}
