package io.taskforce.platform

import io.swagger.v3.parser.OpenAPIV3Parser
import io.taskforce.support.TestServices
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * The OpenAPI document is exact: it parses without errors, operation ids are unique and meaningful, no injected
 * argument (the caller) shows up as a parameter, the contract routes are in it, and the front end generates its
 * API types from the same document (frontend/openapi/taskforce-api-v1.yml is a copy kept in step).
 */
class OpenApiDocumentSpec extends Specification {

    static final Path GENERATED = Path.of('target/classes/META-INF/swagger/taskforce-api-v1.yml')

    @Shared def result = new OpenAPIV3Parser().readContents(Files.readString(GENERATED), null, null)

    def "the document parses without messages"() {
        expect:
        result.messages == []
        result.openAPI.paths.size() > 30
    }

    def "operation ids are unique and none is a generated duplicate (name_1)"() {
        given:
        def ids = result.openAPI.paths.values().collectMany { it.readOperations()*.operationId }

        expect:
        ids.every { it != null && !(it ==~ /.*_\d+/) }
        ids.size() == ids.toSet().size()
    }

    def "no injected argument is listed as a parameter or a body property"() {
        given:
        def parameters = result.openAPI.paths.values().collectMany { it.readOperations() }.collectMany { it.parameters ?: [] }*.name

        expect:
        !parameters.contains('caller')
        !result.openAPI.components.schemas.containsKey('Caller')
    }

    /** The case routes issue 6 fixes as a contract (shared/contracts/routes.txt, "cases" rows). */
    static final List<String> CASE_CONTRACT = [
            'POST /api/v1/cases', 'GET /api/v1/cases', 'GET /api/v1/cases/intake', 'GET /api/v1/cases/{}',
            'POST /api/v1/cases/{}/triage', 'GET /api/v1/cases/{}/triage-proposal', 'GET /api/v1/cases/{}/team',
            'POST /api/v1/cases/{}/team', 'DELETE /api/v1/cases/{}/team/{}', 'GET /api/v1/cases/{}/tasks',
            'POST /api/v1/cases/{}/tasks', 'PATCH /api/v1/tasks/{}', 'GET /api/v1/cases/{}/audit']

    def "the case routes integrators script against are in the document"() {
        given:
        def shapes = result.openAPI.paths.collectMany { path, item ->
            item.readOperationsMap().keySet().collect { "${it} ${path.replaceAll(/\{[^}]+\}/, '{}')}".toString() }
        }.toSet()

        expect:
        shapes.containsAll(CASE_CONTRACT)
    }

    def "the front end's copy of the document is the one the backend generates"() {
        expect: 'after an API change: cp backend/target/classes/META-INF/swagger/taskforce-api-v1.yml frontend/openapi/'
        Files.readString(TestServices.repoRoot().resolve('frontend/openapi/taskforce-api-v1.yml')) == Files.readString(GENERATED)
    }
}
