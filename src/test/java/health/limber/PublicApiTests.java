package health.limber;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A module's root package is its API, and only its API: every public type there is used by some
 * other module. Whatever only the module itself uses (its web and command-line layers included)
 * is package-private or lives in a sub-package, so another module cannot come to depend on it.
 */
class PublicApiTests {

    static final String ROOT = "health.limber";

    /**
     * Public because something outside Java loads it by its name, where it is: H2 creates the audit
     * log's append-only trigger from this class name (migration V5), in every database made so far.
     */
    static final Set<String> LOADED_BY_NAME = Set.of("health.limber.identity.AuditAppendOnlyTrigger");
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The module a class belongs to: the first package below health.limber (null for the application class). */
    static String moduleOf(JavaClass type) {
        String rest = type.getPackageName().equals(ROOT) ? "" : type.getPackageName().substring(ROOT.length() + 1);
        return rest.isEmpty() ? null : rest.split("\\.")[0];
    }

    static boolean inRootPackage(JavaClass type) {
        String module = moduleOf(type);
        return module != null && type.getPackageName().equals(ROOT + "." + module);
    }

    /** The outermost class a (possibly nested) class is declared in. */
    static JavaClass topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    /** Public top-level types in module root packages that no class of another module refers to (to them or a type nested in them). */
    static List<String> unusedPublicApi() {
        return unusedPublicTypes(PublicApiTests::inRootPackage);
    }

    /** Of the classes the filter picks, the public top-level ones that no other module uses or sees in an API signature. */
    static List<String> unusedPublicTypes(java.util.function.Predicate<JavaClass> picked) {
        Set<String> usedElsewhere = new HashSet<>();
        for (JavaClass origin : CLASSES) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = topLevel(dependency.getTargetClass());
                String from = moduleOf(origin);
                if (target.getPackageName().startsWith(ROOT) && from != null && !from.equals(moduleOf(target))) {
                    usedElsewhere.add(target.getName());
                }
            }
        }
        // a type an API type shows in a public signature (a record component, a parameter, a result) is API too
        Set<String> shown = new HashSet<>();
        for (JavaClass type : CLASSES) {
            if (usedElsewhere.contains(topLevel(type).getName())) {
                type.getMethods().stream().filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC)).forEach(m -> {
                    shown.add(topLevel(m.getRawReturnType()).getName());
                    m.getRawParameterTypes().forEach(t -> shown.add(topLevel(t).getName()));
                });
                type.getConstructors().stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                        .forEach(c -> c.getRawParameterTypes().forEach(t -> shown.add(topLevel(t).getName())));
            }
        }
        return CLASSES.stream()
                .filter(type -> picked.test(type) && type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC)
                        && !type.getSimpleName().equals("package-info") && !usedElsewhere.contains(type.getName())
                        && !shown.contains(type.getName()) && !LOADED_BY_NAME.contains(type.getName()))
                .map(JavaClass::getName).sorted().toList();
    }

    @Test
    void theCheckFindsAPublicTypeNoOtherModuleUses() {
        // the referral module's internal package holds what only the module uses (ReferralManagement serves its own pages), which
        // the check reports; RedFlagTaskManagement, which other modules call, is not in it
        List<String> internal = unusedPublicTypes(type -> type.getPackageName().equals("health.limber.referral.internal"));
        assertThat(internal).contains("health.limber.referral.internal.ReferralManagement", "health.limber.referral.internal.ReferralQueries");
        assertThat(unusedPublicTypes(type -> type.getPackageName().equals("health.limber.referral")))
                .doesNotContain("health.limber.referral.RedFlagTaskManagement");
    }

    @Test
    void everyPublicTypeInAModulesRootPackageIsUsedByAnotherModule() {
        List<String> unused = unusedPublicApi();
        System.out.println("Public root types no other module uses: " + unused.size());
        assertThat(unused).isEmpty();
    }
}
