package io.taskforce.platform

import groovy.json.JsonOutput
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import org.yaml.snakeyaml.Yaml
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * Hostile input through every route the OpenAPI document lists: SQL metacharacters and Unicode oddities in every
 * query parameter, path parameter and text field of every JSON body, deeply nested JSON and wrong content types. Each
 * answer is below 500; a refusal is problem+json and leaves every audit chain where it was, i.e. saved nothing (every
 * change writes an audit event in the same transaction).
 */
@RealServices
class HostileInputSpec extends Specification {

    static final List<String> PAYLOADS = [
            "' OR '1'='1' --", '"; DROP TABLE case_file; --', 'x\u0000y', '\u202Egnp.exe', 'Ｃａｓｅ ＃１ 🔥',
            'e\u0301\u0301\u0301', '\uFEFF\u200B', '${jndi:ldap://127.0.0.1/a}', '%00%27%22', '<script>alert(1)</script>',
            '\\\\\\\'', 'ǅ' * 5000]

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api
    @Shared Map document
    @Shared String caseId

    def setupSpec() {
        api = new Api(server.URI)
        document = new Yaml().load(Files.readString(Path.of('target/classes/META-INF/swagger/taskforce-api-v1.yml'))) as Map
        caseId = caseOfItsOwn()
        // a person's first request is audited (user.first-seen): made here, before chains are watched
        ['admin', 'lawyer', 'reputation', 'consultant'].each { assert api.get('/api/v1/me', Tokens.of(it)).status == 200 }
    }

    def "no query parameter of any route answers 5xx or saves anything, whatever its value"() {
        given:
        def probes = operations().collectMany { op ->
            op.parameters.findAll { it.in == 'query' }.collectMany { param -> PAYLOADS.collect { [op, param.name, it] } }
        }
        assert probes.size() > 100

        expect:
        probes.every { op, String name, String payload ->
            def path = concretePath(op.path, null) + "?${name}=${URLEncoder.encode(payload, 'UTF-8')}"
            accepted(op, path, null)
        }
    }

    def "no path parameter of any route answers 5xx or saves anything, whatever its value"() {
        given:
        def probes = operations().findAll { it.path.contains('{') }.collectMany { op -> PAYLOADS.take(6).collect { [op, it] } }
        assert probes.size() > 100

        expect:
        probes.every { op, String payload -> accepted(op, concretePath(op.path, payload), op.body ? bodyOf(op.body, 'x') : null) }
    }

    def "no text field of any JSON body answers 5xx or saves anything when it holds hostile text"() {
        given:
        def probes = operations().findAll { it.body }.collectMany { op -> PAYLOADS.collect { [op, it] } }
        assert probes.size() > 200

        expect:
        probes.every { op, String payload -> accepted(op, concretePath(op.path, null), bodyOf(op.body, payload)) }
    }

    def "deeply nested JSON, malformed JSON and a wrong content type are refused as problem+json and save nothing"() {
        given:
        def consultant = Tokens.of('consultant')
        def before = TestServices.auditChainHeads()

        when:
        def nested = api.send('POST', '/api/v1/cases', consultant, '['.multiply(100_000) + ']'.multiply(100_000))
        def malformed = api.send('POST', '/api/v1/cases', consultant, '{"title": "Incendie", ')
        def xml = api.send('POST', '/api/v1/cases', consultant, '<case><title>Incendie</title></case>', ['Content-Type': 'application/xml'])
        def plain = api.send('POST', "/api/v1/cases/${caseId}/log", consultant, 'fait', ['Content-Type': 'text/plain'])

        then:
        [nested, malformed, xml, plain].every { it.status in 400..499 && it.problem }
        [xml, plain]*.status == [415, 415]
        TestServices.auditChainHeads() == before
    }

    // --- the probing --------------------------------------------------------------------------------------------

    private boolean accepted(Map op, String path, Object body) {
        def before = TestServices.auditChainHeads()
        def response = api.send(op.method.toUpperCase(), path, tokenFor(op.path), body)
        assert response.status < 500: "${op.method.toUpperCase()} ${path} ${body ? JsonOutput.toJson(body).take(300) : ''} -> ${response}"
        if (response.status >= 400) {
            assert response.problem || response.status == 405: "${op.method.toUpperCase()} ${path} -> ${response}"
            assert TestServices.auditChainHeads() == before: "${op.method.toUpperCase()} ${path} was refused (${response.status}) but changed an audit chain"
        }
        true
    }

    /**
     * Every operation with its parameters and its JSON body schema, but the live stream (it never ends) and the routes
     * that change the demo users' own settings, which other specs rely on (their e-mail preferences, notifications read,
     * calendar feed): a hostile value there that is valid would change them.
     */
    private List<Map> operations() {
        (document.paths as Map<String, Map>).collectMany { String path, Map item ->
            item.findAll { it.key in ['get', 'post', 'put', 'patch', 'delete'] && path != '/api/v1/live' &&
                    !(it.key != 'get' && (path.startsWith('/api/v1/me/') || path.startsWith('/api/v1/notifications') ||
                            path == '/api/v1/legal/calendar/feed')) }.collect { method, Map op ->
                [path      : path, method: method, parameters: (op.parameters ?: []) as List<Map>,
                 body      : op.requestBody?.content?.get('application/json')?.schema]
            }
        }
    }

    /** A case the consultant's team holds stands in for {caseId}; other ids are unknown ones, or the payload. */
    private String concretePath(String template, String payload) {
        template.replaceAll(/\{(\w+)\}/) { all, String name ->
            payload != null ? URLEncoder.encode(payload, 'UTF-8').replace('+', '%20')
                    : name == 'caseId' ? caseId : name == 'number' ? '1' : name == 'workstream' ? 'LEGAL' : UUID.randomUUID().toString()
        }
    }

    /** A body of the schema's shape: every text field holds the payload; other fields plausible values. */
    private Object bodyOf(Map schema, String payload, int depth = 0) {
        schema = resolve(schema)
        if (schema.enum) return schema.enum[0]
        switch (schema.type) {
            case 'string':
                return schema.format == 'uuid' ? UUID.randomUUID().toString()
                        : schema.format == 'date-time' ? '2026-12-01T10:00:00Z' : schema.format == 'date' ? '2026-12-01' : payload
            case 'integer': case 'number': return 1
            case 'boolean': return false
            case 'array': return depth > 3 ? [] : [bodyOf(schema.items as Map, payload, depth + 1)]
            default:
                def properties = (schema.properties ?: [:]) as Map<String, Map>
                return depth > 3 ? [:] : properties.collectEntries { k, v -> [(k): bodyOf(v, payload, depth + 1)] }
        }
    }

    private Map resolve(Map schema) {
        if (schema.'$ref') {
            return resolve(document.components.schemas[(schema.'$ref' as String).substring('#/components/schemas/'.length())] as Map)
        }
        if (schema.allOf) return resolve(schema.allOf[0] as Map)
        if (schema.oneOf) return resolve(schema.oneOf[0] as Map)
        schema
    }

    private static String tokenFor(String path) {
        Tokens.of(path.contains('/platform/') || path.contains('/tenants') || path.contains('/staff') || path.contains('/users')
                || path.contains('/webhooks') || path.endsWith('/legal/rules/{id}') ? 'admin'
                : path.contains('privileged') || path.contains('legal') || path.contains('clocks') || path.contains('publications/')
                || path.contains('evidence') || path.contains('approve') || path.contains('request-changes') ? 'lawyer'
                : path.contains('serp') || path.contains('cleanup') ? 'reputation' : 'consultant')
    }

    /**
     * A triaged case of client-a's tenant with the demo consultant, lawyer and reputation specialist on its team, set up
     * in the database, so that the writes that hostile text gets through change this case only, not the demo ones.
     */
    private static String caseOfItsOwn() {
        String id = UUID.randomUUID().toString()
        String tenant = 'b094b75d-873d-4f54-9892-afd58263330a'
        def team = ['5c0a1b2e-3d4f-4a5b-8c6d-7e8f90a1b2c3': 'COMMUNICATION', '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4': 'LEGAL',
                    '7e2c3d4a-5f6b-4c7d-8e8f-90a1b2c3d4e5': 'REPUTATION']
        TestServices.superuser().withCloseable { sql ->
            sql.execute('''insert into case_file (id, tenant_id, title, summary, reported_by, reported_at, status, team)
                           values (cast(? as uuid), cast(? as uuid), 'Hostile input', 's', cast(? as uuid), now(), 'TRIAGED',
                                   cast(? as uuid[]))''', [id, tenant, team.keySet().first(), '{' + team.keySet().join(',') + '}'])
            team.values().eachWithIndex { w, i ->
                sql.execute('insert into case_workstream (tenant_id, case_id, workstream, position) values (cast(? as uuid), cast(? as uuid), ?, ?)',
                        [tenant, id, w, i])
            }
            team.each { user, w ->
                sql.execute('''insert into case_member (tenant_id, case_id, user_id, workstream, lead, added_at)
                               values (cast(? as uuid), cast(? as uuid), cast(? as uuid), ?, true, now())''', [tenant, id, user, w])
            }
        }
        id
    }

}
