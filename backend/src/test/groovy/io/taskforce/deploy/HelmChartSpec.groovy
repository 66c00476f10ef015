package io.taskforce.deploy

import com.marcnuri.helm.Helm
import com.marcnuri.helm.TemplateCommand
import org.yaml.snakeyaml.DumperOptions
import org.yaml.snakeyaml.Yaml
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

/**
 * Lints and renders helm/taskforce with the Helm library embedded in helm-java (no helm binary, no cluster).
 *
 * Two limits of helm-java 0.0.21 shape this spec:
 * - its lint command takes no values file, so the production values are linted from a copy of the chart whose
 *   values.yaml is the defaults overlaid with the production file (lists replaced, maps merged, as Helm does);
 * - its template command leaves hooks out of the output (https://github.com/manusa/helm-java/pull/416), so the
 *   migration Job is rendered from a copy of the chart in which its hook annotations are renamed, which makes
 *   Helm treat it as an ordinary manifest; the annotations are renamed back before they are asserted.
 */
class HelmChartSpec extends Specification {

    static final String KUBE_VERSION = '1.31.0'
    static final String RELEASE = 'tf'
    static final String NAMESPACE = 'crisis'
    static final String HOOK_RENAME = 'rendered-by-spec.'

    @Shared Path chart = chartDir()
    @Shared Path productionValues = resource('/helm/values-production.yaml')

    @TempDir Path work

    def "the chart lints clean with its default values"() {
        when:
        def result = new Helm(chart).lint().strict().call()

        then:
        !result.failed
        problems(result.messages).isEmpty()
    }

    def "the chart lints clean with the production values"() {
        given: 'a copy of the chart whose values.yaml holds the defaults overlaid with the production values'
        def copy = copyChart()
        def defaults = new Yaml().load(Files.readString(chart.resolve('values.yaml'))) as Map
        def production = new Yaml().load(Files.readString(productionValues)) as Map
        Files.writeString(copy.resolve('values.yaml'), blockYaml().dump(overlay(defaults, production)))

        when:
        def result = new Helm(copy).lint().strict().call()

        then:
        !result.failed
        problems(result.messages).isEmpty()
    }

    def "with the default values the Deployment runs two pods probed on liveness and readiness"() {
        when:
        def deployment = single(render(), 'Deployment')
        def container = deployment.spec.template.spec.containers[0]

        then:
        deployment.spec.replicas == 2
        container.livenessProbe.httpGet == [path: '/health/liveness', port: 'http']
        container.readinessProbe.httpGet == [path: '/health/readiness', port: 'http']
        container.startupProbe.httpGet.path == '/health/liveness'
        container.ports == [[name: 'http', containerPort: 8080, protocol: 'TCP']]
        container.resources.requests.memory && container.resources.limits.memory
    }

    def "the pods run as a non-root user on a read-only root filesystem with a writable /tmp"() {
        when:
        def pod = single(render(), 'Deployment').spec.template.spec
        def container = pod.containers[0]

        then:
        pod.securityContext.runAsNonRoot == true
        pod.securityContext.runAsUser > 0
        pod.automountServiceAccountToken == false
        container.securityContext.readOnlyRootFilesystem == true
        container.securityContext.allowPrivilegeEscalation == false
        container.securityContext.capabilities.drop == ['ALL']
        container.volumeMounts == [[name: 'tmp', mountPath: '/tmp'],
                                   [name: 'audit-anchors', mountPath: '/var/lib/taskforce/audit-anchors']]
        pod.volumes.find { it.name == 'tmp' }.emptyDir != null
    }

    def "audit checkpoints are anchored on a volume of their own, kept on uninstall, and no local-run shortcut is set"() {
        when:
        def manifests = render()
        def pod = single(manifests, 'Deployment').spec.template.spec
        def claim = single(manifests, 'PersistentVolumeClaim')
        def config = single(manifests, 'ConfigMap').data as Map<String, String>

        then:
        pod.volumes.find { it.name == 'audit-anchors' }.persistentVolumeClaim.claimName == claim.metadata.name
        claim.metadata.annotations['helm.sh/resource-policy'] == 'keep'
        claim.spec.accessModes == ['ReadWriteMany']
        config.AUDIT_ANCHOR_DIR == '/var/lib/taskforce/audit-anchors'
        config.AUDIT_EXPORT_CONCURRENCY == '2'
        config.TRUSTED_PROXIES == ''
        !config.containsKey('TASKFORCE_LOCAL_RUN')
        envOf(single(manifests, 'Deployment')).every { it.name != 'TASKFORCE_LOCAL_RUN' }

        when: 'an existing claim is named'
        def withClaim = render { it.set('audit.anchors.existingClaim', 'anchors-on-worm-storage') }

        then:
        withClaim.every { it.kind != 'PersistentVolumeClaim' }
        single(withClaim, 'Deployment').spec.template.spec.volumes.find { it.name == 'audit-anchors' }
                .persistentVolumeClaim.claimName == 'anchors-on-worm-storage'
    }

    def "the ConfigMap carries the OIDC issuer and the rest of the non-secret configuration"() {
        when:
        def manifests = render(productionValues)
        def config = single(manifests, 'ConfigMap').data as Map<String, String>
        def container = single(manifests, 'Deployment').spec.template.spec.containers[0]

        then:
        config.OIDC_ISSUER == 'https://id.crisis-ops.eu/realms/taskforce'
        config.OIDC_JWKS_URL == 'https://keycloak.identity.svc.cluster.local:8443/realms/taskforce/protocol/openid-connect/certs'
        config.OIDC_AUDIENCE == 'taskforce-api'
        config.OIDC_PUBLIC_URL == 'https://id.crisis-ops.eu'
        config.DATASOURCE_URL.startsWith('jdbc:postgresql://pg-primary.databases.svc.cluster.local:5432/taskforce')
        config.KEYCLOAK_ADMIN_URL == 'https://keycloak.identity.svc.cluster.local:8443'
        config.MICRONAUT_SERVER_PORT == '8080'

        and: 'the pods read it whole'
        container.envFrom == [[configMapRef: [name: "${RELEASE}-taskforce".toString()]]]
    }

    def "every secret reaches the pods by reference to an existing Secret and no secret value is rendered"() {
        when:
        def manifests = render(productionValues)
        def env = envOf(single(manifests, 'Deployment'))

        then: 'the chart creates no Secret and the ConfigMap holds no credential'
        manifests.every { it.kind != 'Secret' }
        single(manifests, 'ConfigMap').data.keySet().every { !(it =~ /PASSWORD|SECRET|_KEY$/) }

        and: 'each secret variable is a secretKeyRef to the Secret named in the values'
        secretRef(env, 'DATASOURCE_USERNAME') == [name: 'taskforce-prod-db-app', key: 'username']
        secretRef(env, 'DATASOURCE_PASSWORD') == [name: 'taskforce-prod-db-app', key: 'password']
        secretRef(env, 'KEYCLOAK_ADMIN_CLIENT_SECRET') == [name: 'taskforce-prod-keycloak-admin', key: 'client-secret']
        secretRef(env, 'AUDIT_CHECKPOINT_KEY') == [name: 'taskforce-prod-audit-signing', key: 'checkpoint-key']
        env.findAll { it.name =~ /PASSWORD|SECRET|_KEY$/ }.every { it.value == null && it.valueFrom?.secretKeyRef }
    }

    def "audit checkpoints also go to a bucket with object lock when one is named, its keys from a Secret; the volume can then be left out"() {
        given:
        def values = valuesFile('''audit:
  anchor:
    s3:
      bucket: taskforce-audit-anchors
      endpoint: https://minio.storage.svc.cluster.local:9000
      pathStyle: true
      retentionDays: 2555
      existingSecret: taskforce-audit-s3
''')

        when:
        def manifests = render(values)
        def on = configOf(manifests)
        def env = envOf(single(manifests, 'Deployment'))

        then: 'by default only the volume; with a bucket both, the bucket settings in the ConfigMap'
        prefixed(configOf(render()), 'AUDIT_ANCHOR_S3_').isEmpty()
        envOf(single(render(), 'Deployment')).every { !it.name.startsWith('AUDIT_ANCHOR_S3_') }
        on.AUDIT_ANCHOR_DIR == '/var/lib/taskforce/audit-anchors'
        prefixed(on, 'AUDIT_ANCHOR_S3_') == [AUDIT_ANCHOR_S3_BUCKET: 'taskforce-audit-anchors',
                AUDIT_ANCHOR_S3_ENDPOINT: 'https://minio.storage.svc.cluster.local:9000', AUDIT_ANCHOR_S3_REGION: 'eu-west-3',
                AUDIT_ANCHOR_S3_PATH_STYLE: 'true', AUDIT_ANCHOR_S3_RETENTION_DAYS: '2555', AUDIT_ANCHOR_S3_MODE: 'COMPLIANCE']
        secretRef(env, 'AUDIT_ANCHOR_S3_ACCESS_KEY') == [name: 'taskforce-audit-s3', key: 'access-key']
        secretRef(env, 'AUDIT_ANCHOR_S3_SECRET_KEY') == [name: 'taskforce-audit-s3', key: 'secret-key']

        when: 'the volume is switched off beside the bucket'
        def bucketOnly = render { it.withValuesFile(values).set('audit.anchors.enabled', false) }
        def pod = single(bucketOnly, 'Deployment').spec.template.spec

        then: 'no claim, no mount, no anchor directory'
        bucketOnly.every { it.kind != 'PersistentVolumeClaim' }
        pod.volumes*.name == ['tmp']
        pod.containers[0].volumeMounts*.name == ['tmp']
        !configOf(bucketOnly).containsKey('AUDIT_ANCHOR_DIR')

        when: 'neither the volume nor a bucket'
        render { it.set('audit.anchors.enabled', false) }

        then:
        def failure = thrown(IllegalStateException)
        failure.message.contains('audit.anchors.enabled is false and audit.anchor.s3.bucket is empty')
    }

    def "evidence files stay in PostgreSQL unless a bucket is enabled; then the bucket is configured and its keys come from a Secret"() {
        given:
        def values = valuesFile('''evidence:
  s3:
    enabled: true
    endpoint: https://minio.storage.svc.cluster.local:9000
    bucket: taskforce-evidence
    pathStyle: true
    existingSecret: taskforce-evidence-s3
''')

        when:
        def manifests = render(values)
        def env = envOf(single(manifests, 'Deployment'))

        then:
        prefixed(configOf(render()), 'EVIDENCE_').isEmpty()
        prefixed(configOf(manifests), 'EVIDENCE_') == [EVIDENCE_S3_ENABLED: 'true',
                EVIDENCE_S3_ENDPOINT: 'https://minio.storage.svc.cluster.local:9000', EVIDENCE_S3_REGION: 'eu-west-3',
                EVIDENCE_S3_BUCKET: 'taskforce-evidence', EVIDENCE_S3_PATH_STYLE: 'true', EVIDENCE_S3_PREFIX: 'evidence/']
        secretRef(env, 'EVIDENCE_S3_ACCESS_KEY') == [name: 'taskforce-evidence-s3', key: 'access-key']
        secretRef(env, 'EVIDENCE_S3_SECRET_KEY') == [name: 'taskforce-evidence-s3', key: 'secret-key']
    }

    def "the application pods neither migrate nor hold the schema owner's credentials when the migration Job is on"() {
        when:
        def env = envOf(single(render(), 'Deployment'))

        then:
        env.find { it.name == 'FLYWAY_ENABLED' }.value == 'false'
        env.every { !it.name.startsWith('FLYWAY_') || it.name == 'FLYWAY_ENABLED' }
    }

    def "without the migration Job the application migrates at start-up with the owner credentials"() {
        when:
        def manifests = render { it.set('migration.enabled', false) }
        def env = envOf(single(manifests, 'Deployment'))

        then:
        env.find { it.name == 'FLYWAY_ENABLED' }.value == 'true'
        secretRef(env, 'FLYWAY_USERNAME') == [name: 'taskforce-db-owner', key: 'username']
        secretRef(env, 'FLYWAY_PASSWORD') == [name: 'taskforce-db-owner', key: 'password']

        and: 'no migration Job is rendered'
        renderIncludingHooks { it.set('migration.enabled', false) }.every { it.kind != 'Job' }
    }

    def "the migration Job runs the same image before install and upgrade, as the schema owner, with its configuration inline"() {
        when:
        def manifests = renderIncludingHooks(productionValues)
        def job = single(manifests, 'Job')
        def pod = job.spec.template.spec
        def env = envOf(job)
        def image = single(manifests, 'Deployment').spec.template.spec.containers[0].image

        then: 'it is a pre-install and pre-upgrade hook, replaced on each run and deleted once it succeeds'
        job.metadata.annotations == [
                'helm.sh/hook'              : 'pre-install,pre-upgrade',
                'helm.sh/hook-weight'       : '0',
                'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded']

        and: 'it runs the application image in migrate-only mode with the owner credentials'
        pod.containers[0].image == image
        pod.restartPolicy == 'Never'
        env.find { it.name == 'TASKFORCE_MIGRATE_ONLY' }.value == 'true'
        env.find { it.name == 'FLYWAY_ENABLED' }.value == 'true'
        secretRef(env, 'FLYWAY_USERNAME') == [name: 'taskforce-prod-db-owner', key: 'username']
        secretRef(env, 'FLYWAY_PASSWORD') == [name: 'taskforce-prod-db-owner', key: 'password']

        and: 'it does not depend on the ConfigMap, which a pre-install hook runs before'
        pod.containers[0].envFrom == null
        env.find { it.name == 'OIDC_ISSUER' }.value == 'https://id.crisis-ops.eu/realms/taskforce'
        env.find { it.name == 'DATASOURCE_URL' }.value.startsWith('jdbc:postgresql://pg-primary')

        and: 'it is kept out of the Service and the PodDisruptionBudget'
        pod.securityContext.runAsNonRoot == true
        job.spec.template.metadata.labels['app.kubernetes.io/component'] == 'migration'
        single(manifests, 'Service').spec.selector['app.kubernetes.io/component'] == 'server'
    }

    def "a PodDisruptionBudget keeps application pods available during voluntary disruptions"() {
        when:
        def byDefault = single(render(), 'PodDisruptionBudget')
        def production = single(render(productionValues), 'PodDisruptionBudget')

        then:
        byDefault.apiVersion == 'policy/v1'
        byDefault.spec.minAvailable == 1
        byDefault.spec.selector.matchLabels['app.kubernetes.io/component'] == 'server'
        production.spec.minAvailable == 2
    }

    def "no Ingress and no autoscaler are rendered unless they are enabled"() {
        when:
        def kinds = render()*.kind

        then:
        !('Ingress' in kinds)
        !('HorizontalPodAutoscaler' in kinds)
        kinds.containsAll(['Deployment', 'Service', 'ConfigMap', 'PodDisruptionBudget', 'ServiceAccount'])
    }

    def "the production values expose the application through a TLS Ingress"() {
        when:
        def manifests = render(productionValues)
        def ingress = single(manifests, 'Ingress')

        then:
        ingress.apiVersion == 'networking.k8s.io/v1'
        ingress.spec.ingressClassName == 'nginx'
        ingress.spec.tls == [[hosts: ['app.taskforce.crisis-ops.eu'], secretName: 'taskforce-tls']]
        ingress.spec.rules[0].host == 'app.taskforce.crisis-ops.eu'
        ingress.spec.rules[0].http.paths[0].backend.service == [name: "${RELEASE}-taskforce".toString(), port: [name: 'http']]
    }

    def "the production values let an autoscaler own the replica count, from three pods up"() {
        when:
        def manifests = render(productionValues)
        def hpa = single(manifests, 'HorizontalPodAutoscaler')
        def deployment = single(manifests, 'Deployment')

        then:
        hpa.apiVersion == 'autoscaling/v2'
        hpa.spec.scaleTargetRef == [apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name]
        hpa.spec.minReplicas == 3
        hpa.spec.maxReplicas == 12
        hpa.spec.metrics*.resource*.name == ['cpu', 'memory']

        and: 'the Deployment leaves the count to it, so an upgrade does not scale the application down'
        !deployment.spec.containsKey('replicas')
        deployment.spec.template.spec.containers[0].image == 'registry.crisis-ops.eu/taskforce/taskforce:1.4.2'
    }

    def "the values schema rejects values in which #problem"() {
        given:
        def values = work.resolve('values.yaml')
        Files.writeString(values, yaml)

        when:
        render(values)

        then:
        def failure = thrown(IllegalStateException)
        failure.message.contains('schema')
        failure.message.contains(message)

        where:
        problem                                | yaml                                                 || message
        'oidc.issuer is missing'               | 'oidc:\n  issuer: null\n'                            || "missing property 'issuer'"
        'oidc.issuer is empty'                 | 'oidc:\n  issuer: ""\n'                              || '/oidc/issuer'
        'oidc.issuer is not a URL'             | 'oidc:\n  issuer: id.example.com\n'                  || '/oidc/issuer'
        'replicaCount is not an integer'       | 'replicaCount: "three"\n'                            || '/replicaCount'
        'a password is written inline'         | 'database:\n  password: hunter2\n'                   || "'password' not allowed"
        'the database URL is not a JDBC URL'   | 'database:\n  url: postgres://db/taskforce\n'        || '/database/url'
        'a Secret is referenced by no name'    | 'audit:\n  existingSecret: ""\n'                     || '/audit/existingSecret'
        'ingress.enabled is not a boolean'     | 'ingress:\n  enabled: "yes"\n'                       || '/ingress/enabled'
        'the issuer is plain HTTP'             | 'oidc:\n  issuer: http://id.example.com/realms/t\n' || '/oidc/issuer'
        'the JWKS URL is plain HTTP'           | 'oidc:\n  jwksUrl: http://keycloak:8080/certs\n'    || '/oidc/jwksUrl'
        'the browser Keycloak URL is plain HTTP' | 'oidc:\n  publicUrl: http://id.example.com\n'     || '/oidc/publicUrl'
        'the admin API URL is plain HTTP'      | 'keycloakAdmin:\n  url: http://keycloak:8080\n'     || '/keycloakAdmin/url'
        'an evidence key is written inline'    | 'evidence:\n  s3:\n    secretKey: abc\n'         || "'secretKey' not allowed"
        'the anchor bucket is plain HTTP'      | 'audit:\n  anchor:\n    s3:\n      endpoint: http://minio:9000\n' || '/audit/anchor/s3/endpoint'
        'the anchor lock mode is unknown'      | 'audit:\n  anchor:\n    s3:\n      mode: LOCKED\n'    || '/audit/anchor/s3/mode'
        'the anchor retention is zero days'    | 'audit:\n  anchor:\n    s3:\n      retentionDays: 0\n' || '/audit/anchor/s3/retentionDays'
        'an anchor secret key is written inline' | 'audit:\n  anchor:\n    s3:\n      secretKey: abc\n' || "'secretKey' not allowed"
    }

    def "the chart never runs the application as a local run (plain-HTTP identity, embedded database)"() {
        given:
        def values = work.resolve('values.yaml')
        Files.writeString(values, 'extraEnv:\n  - name: TASKFORCE_LOCAL_RUN\n    value: "true"\n')

        expect: 'the defaults and the production values leave it out and always name a database'
        [render(), render(productionValues)].every { manifests ->
            def container = single(manifests, 'Deployment').spec.template.spec.containers[0]
            def config = single(manifests, 'ConfigMap').data as Map
            !(container.env*.name).contains('TASKFORCE_LOCAL_RUN') && !config.containsKey('TASKFORCE_LOCAL_RUN') &&
                    config.DATASOURCE_URL?.startsWith('jdbc:postgresql://')
        }

        when: 'someone adds it through extraEnv'
        render(values)

        then:
        def failure = thrown(IllegalStateException)
        failure.message.contains('TASKFORCE_LOCAL_RUN is for local runs only')
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private List<Map> render(Path valuesFile) {
        render { it.withValuesFile(valuesFile) }
    }

    private List<Map> render(Closure<TemplateCommand> configure = { it }) {
        parse(templateOf(chart, configure))
    }

    private List<Map> renderIncludingHooks(Path valuesFile) {
        renderIncludingHooks { it.withValuesFile(valuesFile) }
    }

    private List<Map> renderIncludingHooks(Closure<TemplateCommand> configure = { it }) {
        def copy = copyChart()
        def job = copy.resolve('templates/migration-job.yaml')
        Files.writeString(job, Files.readString(job).replace('"helm.sh/hook', "\"${HOOK_RENAME}helm.sh/hook"))
        parse(templateOf(copy, configure)).each { manifest ->
            Map annotations = manifest.metadata?.annotations as Map
            if (annotations) {
                manifest.metadata.annotations = annotations.collectEntries { k, v -> [(k as String).replace(HOOK_RENAME, ''), v] }
            }
        }
    }

    private static String templateOf(Path chartDir, Closure<TemplateCommand> configure) {
        def command = new Helm(chartDir).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
        configure(command).call()
    }

    private static List<Map> parse(String rendered) {
        new Yaml().loadAll(rendered).findAll { it != null }.collect { it as Map }
    }

    private static Map single(List<Map> manifests, String kind) {
        def found = manifests.findAll { it.kind == kind }
        assert found.size() == 1: "expected one ${kind}, rendered kinds: ${manifests*.kind}"
        found[0]
    }

    private Path valuesFile(String yaml) {
        Files.writeString(work.resolve('values.yaml'), yaml)
    }

    private static Map<String, String> configOf(List<Map> manifests) {
        single(manifests, 'ConfigMap').data as Map<String, String>
    }

    private static Map<String, String> prefixed(Map<String, String> config, String prefix) {
        config.findAll { name, value -> name.startsWith(prefix) }
    }

    private static List<Map> envOf(Map workload) {
        workload.spec.template.spec.containers[0].env as List<Map>
    }

    private static Map secretRef(List<Map> env, String name) {
        def entry = env.find { it.name == name }
        assert entry: "no ${name} in ${env*.name}"
        assert entry.value == null: "${name} must come from a Secret, not a literal value"
        entry.valueFrom?.secretKeyRef as Map
    }

    private static List<String> problems(List<String> lintMessages) {
        lintMessages.findAll { it.contains('[ERROR]') || it.contains('[WARNING]') }
    }

    private Path copyChart() {
        def copy = work.resolve('chart').resolve(chart.fileName.toString())
        Files.walk(chart).withCloseable { paths ->
            paths.forEach { source ->
                def target = copy.resolve(chart.relativize(source).toString())
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target)
                } else {
                    Files.copy(source, target)
                }
            }
        }
        copy
    }

    private static Map overlay(Map base, Map override) {
        override.each { key, value ->
            base[key] = (value instanceof Map && base[key] instanceof Map) ? overlay(base[key] as Map, value as Map) : value
        }
        base
    }

    private static Yaml blockYaml() {
        def options = new DumperOptions()
        options.defaultFlowStyle = DumperOptions.FlowStyle.BLOCK
        new Yaml(options)
    }

    private static Path chartDir() {
        def root = System.getProperty('taskforce.repo.root')
        def dir = (root ? Paths.get(root) : Paths.get('..')).resolve('helm').resolve('taskforce').toAbsolutePath().normalize()
        assert Files.isRegularFile(dir.resolve('Chart.yaml')):
                "no Helm chart at ${dir}: run the tests from the backend module (Maven does) or set -Dtaskforce.repo.root"
        dir
    }

    private static Path resource(String name) {
        def url = HelmChartSpec.getResource(name)
        assert url: "test resource ${name} is missing"
        Paths.get(url.toURI())
    }
}
