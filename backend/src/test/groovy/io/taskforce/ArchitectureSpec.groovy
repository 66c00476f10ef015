package io.taskforce

import com.tngtech.archunit.core.domain.Dependency
import com.tngtech.archunit.core.domain.JavaClass
import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import io.micronaut.http.annotation.Controller
import jakarta.inject.Inject
import spock.lang.Shared
import spock.lang.Specification

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices

/**
 * The boundaries between feature packages (ENGINEERING.md, "one package per feature"), stated once, here.
 * A new dependency between features is a design decision: add it to the table on purpose, or do not add it.
 */
class ArchitectureSpec extends Specification {

    static final String BASE = 'io.taskforce'

    /** The root package: only the Application class, which starts the platform. */
    static final String ROOT = '(root)'

    /**
     * Feature → the features its classes may depend on. Everything may use platform; platform uses none of
     * ours. Features that do not exist yet are listed so that the table is ready when they arrive.
     */
    static final Map<String, Set<String>> ALLOWED = [
            (ROOT)      : ['platform'],
            platform    : [],
            identity    : ['platform'],
            audit       : ['identity', 'platform'],
            tenancy     : ['identity', 'audit', 'platform'],
            // cases: intake, triage, workstreams, team, tasks; its changes are audited and it notifies
            cases       : ['tenancy', 'identity', 'audit', 'notify', 'platform'],
            // messages: drafts and sign-off belong to a case
            messages    : ['cases', 'tenancy', 'identity', 'audit', 'notify', 'platform'],
            // legal: clocks, actions, privileged notes and evidence of a case (reads are audited)
            legal       : ['cases', 'tenancy', 'identity', 'audit', 'notify', 'platform'],
            // reputation: tracked queries and cleanup actions of a case
            // (and legal: a de-listing request's answer date is the legal rule's)
            reputation  : ['cases', 'legal', 'tenancy', 'identity', 'audit', 'notify', 'platform'],
            // engagement: stakeholders, timeline and rumours of a case (and messages: a published message linked by title)
            engagement  : ['cases', 'messages', 'tenancy', 'identity', 'audit', 'notify', 'platform'],
            // portal: the client's read-only projection of the other features; nothing depends on it
            portal      : ['cases', 'messages', 'legal', 'reputation', 'engagement', 'tenancy', 'identity', 'audit',
                           'platform'],
            // notify: delivers what the features publish; it must not reach back into them. It audits the admins'
            // changes to webhooks (audit depends on none of the features).
            notify      : ['tenancy', 'identity', 'audit', 'platform'],
    ].collectEntries { k, v -> [(k): (v as Set<String>)] } as Map<String, Set<String>>

    @Shared
    JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE)

    def "the main code was imported"() {
        expect:
        classes.size() > 20
        classes.contain(Application)
    }

    def "every feature package is in the table of allowed dependencies"() {
        given:
        def features = classes.collect { featureOf(it) }.findAll { it != null } as Set

        expect:
        ALLOWED.keySet().containsAll(features)
    }

    def "the table allows no cycle between features"() {
        expect:
        ALLOWED.keySet().every { feature -> !reaches(feature, feature, [] as Set) }
    }

    def "the #feature feature depends only on #allowed"() {
        given:
        def violations = classes.findAll { featureOf(it) == feature }.collectMany { JavaClass c ->
            c.directDependenciesFromSelf.findAll { Dependency d ->
                String target = featureOf(d.targetClass)
                target != null && target != feature && !(target in allowed)
            }.collect { Dependency d -> "${d.originClass.name} -> ${d.targetClass.name}".toString() }
        }.unique().sort()

        expect: 'a dependency not in the table is either a design mistake or a row to add on purpose'
        violations.isEmpty()

        where:
        feature << ALLOWED.keySet().toList()
        allowed = ALLOWED[feature].sort()
    }

    def "there are no cycles between feature packages"() {
        expect:
        slices().matching("${BASE}.(*)..").should().beFreeOfCycles().check(classes)
    }

    def "main code uses constructor injection, never field injection"() {
        expect:
        fields().should().notBeAnnotatedWith(Inject)
                .because('ENGINEERING.md: constructor injection only')
                .check(classes)
    }

    def "controllers are not public"() {
        expect:
        noClasses().that().areAnnotatedWith(Controller).should().bePublic()
                .because('a controller is an entry point, not an API for other features')
                .check(classes)
    }

    /** The feature of a class of ours (first package segment under the base), ROOT for the base package, null for others. */
    static String featureOf(JavaClass javaClass) {
        String pkg = javaClass.packageName
        if (pkg == BASE) {
            return ROOT
        }
        if (!pkg.startsWith(BASE + '.')) {
            return null
        }
        pkg.substring(BASE.length() + 1).tokenize('.').first()
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        ALLOWED[from].any { next ->
            next == target || (seen.add(next) && reaches(next, target, seen))
        }
    }
}
