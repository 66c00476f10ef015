package io.taskforce.tenancy

import groovy.json.JsonSlurper
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.notify.Mailbox
import io.taskforce.support.Api
import io.taskforce.support.KeycloakTestAdmin
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import jakarta.mail.internet.MimeMessage
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/**
 * Invitations through Keycloak's own e-mail, with the real Keycloak, PostgreSQL and SMTP server: no password is
 * set or shown, the e-mail is sent after commit and its status followed, resent on demand, retried when Keycloak
 * cannot send it; a Keycloak that cannot create the person leaves nothing behind, and neither does a transaction
 * that fails after Keycloak created them.
 */
@RealServices
class InvitationSpec extends Specification {

    static final String SUBJECT_FR = 'Taskforce — activez votre accès'
    static final String SUBJECT_EN = 'Taskforce — activate your access'

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api = new Api(server.URI)
    @Shared String admin
    /** An instance whose Keycloak admin API cannot be reached (and which runs no jobs). */
    @Shared @AutoCleanup ApplicationContext cut
    PollingConditions eventually = new PollingConditions(timeout: 20, delay: 0.1)

    def setup() {
        admin = Tokens.of('admin')
    }

    def "an invited client receives Keycloak's invitation in their tenant's language, and no password exists anywhere"() {
        given:
        def tenant = api.post('/api/v1/tenants', admin, [name: 'Rappel Lait', slug: "rappel-lait-${suffix()}", locale: 'en']).json
        String email = "qualite-${suffix()}@rappel-lait.test"

        when:
        def invited = api.post("/api/v1/tenants/${tenant.id}/users", admin, [email: email, firstName: 'Claire', lastName: 'Morel'])

        then: 'the answer is the person and an invitation on its way; nothing resembles a password'
        invited.status == 201
        invited.json.role == 'client'
        invited.json.tenantId == tenant.id
        invited.json.invitation.status == 'PENDING'
        invited.json.invitation.requestedAt != null
        !invited.text.toLowerCase().contains('password')

        and: 'Keycloak has the person with the tenant and no credential at all'
        KeycloakTestAdmin.user(invited.json.id).attributes.tenant == [tenant.id]
        KeycloakTestAdmin.credentialsOf(invited.json.id) == []

        and: 'the invitation is sent after commit, and says when'
        eventually.eventually { assert invitationOf(invited.json.id).status == 'SENT' }
        invitationOf(invited.json.id).sentAt >= invited.json.invitation.requestedAt
        api.get("/api/v1/tenants/${tenant.id}/users", admin).json.items.find { it.id == invited.json.id }.invitation.status == 'SENT'

        and: "the e-mail is Keycloak's, in the Taskforce theme, in English, with an action link back to the application"
        eventually.eventually { assert Mailbox.to(email, SUBJECT_EN).size() == 1 }
        def text = Mailbox.parts(Mailbox.to(email, SUBJECT_EN)[0])['text/plain']
        text.contains('Hello Claire,')
        text.contains('choose your password')
        !text.contains('six-digit code')
        text.contains('This link is valid for 3 days')
        String link = actionLink(Mailbox.to(email, SUBJECT_EN)[0])
        link.startsWith("${TestServices.ISSUER}/login-actions/action-token?key=")

        and: 'the link asks for a password only, for the SPA client, lands on the application and lasts 72 hours'
        def token = actionToken(link)
        token.rqac == ['UPDATE_PASSWORD']
        token.azp == 'taskforce-spa'
        token.reduri == "http://localhost:${TestServices.E2E_APP_PORT}/".toString()
        token.exp - token.iat == 72 * 3600

        and: 'the client joined the tenant group after commit'
        eventually.eventually { assert KeycloakTestAdmin.groupsOf(invited.json.id)*.name == ["tenant-${tenant.slug}".toString()] }
    }

    def "an invited staff member is asked for a second factor too, and a resend sends a fresh link"() {
        given:
        String email = "juriste-${suffix()}@cabinet.test"

        when:
        def invited = api.post('/api/v1/staff', admin, [email: email, firstName: 'Hugo', lastName: 'Besson', role: 'lawyer'])

        then:
        invited.status == 201
        !invited.text.toLowerCase().contains('password')
        eventually.eventually { assert Mailbox.to(email, SUBJECT_FR).size() == 1 }
        def first = Mailbox.to(email, SUBJECT_FR)[0]
        def text = Mailbox.parts(first)['text/plain']
        text.contains('Bonjour Hugo,')
        text.contains('choisissez votre mot de passe')
        text.contains('configurez une seconde étape de connexion')
        text.contains('le code à six chiffres')
        actionToken(actionLink(first)).rqac == ['UPDATE_PASSWORD', 'CONFIGURE_TOTP']
        Mailbox.parts(first)['text/html'].contains('Activer mon accès')
        KeycloakTestAdmin.credentialsOf(invited.json.id) == []

        when:
        def resent = api.post("/api/v1/users/${invited.json.id}/invitation", admin)

        then:
        resent.status == 202
        resent.json.status == 'PENDING'
        eventually.eventually { assert Mailbox.to(email, SUBJECT_FR).size() == 2 }
        actionLink(Mailbox.to(email, SUBJECT_FR)[1]) != actionLink(first)
        eventually.eventually { assert invitationOf(invited.json.id).status == 'SENT' }
        api.get('/api/v1/platform/audit?limit=5', admin).json.items.any {
            it.action == 'user.invitation_resent' && it.entityId == invited.json.id
        }
    }

    def "when Keycloak cannot send the e-mail the invitation is retried, then marked FAILED with the reason, and a resend mends it"() {
        given: 'the mail server is down'
        TestServices.stopMail()
        String email = "veille-${suffix()}@agence.test"

        when:
        def invited = api.post('/api/v1/staff', admin, [email: email, firstName: 'Inès', lastName: 'Faure', role: 'reputation_specialist'])

        then: 'the person exists, and the invitation is retried, then given up with the reason'
        invited.status == 201
        eventually.eventually {
            def invitation = invitationOf(invited.json.id)
            assert invitation.status == 'FAILED'
            assert invitation.attempts == 5
            assert invitation.failedAt != null
            assert invitation.lastError.contains('HTTP 500')
        }
        api.get('/api/v1/staff?limit=100', admin).json.items.find { it.id == invited.json.id }.invitation.status == 'FAILED'

        when: 'the mail server is back and the admin resends'
        TestServices.startMail()
        def resent = api.post("/api/v1/users/${invited.json.id}/invitation", admin)

        then:
        resent.status == 202
        eventually.eventually { assert invitationOf(invited.json.id).status == 'SENT' }
        eventually.eventually { assert Mailbox.to(email, SUBJECT_FR).size() == 1 }

        cleanup:
        TestServices.startMail()
    }

    def "a failed attempt is retried with backoff until it goes through"() {
        given:
        TestServices.stopMail()
        String email = "conseil-${suffix()}@agence.test"

        when:
        def invited = api.post('/api/v1/staff', admin, [email: email, firstName: 'Léa', lastName: 'Roux', role: 'consultant'])

        then: 'the first attempt failed and another is due'
        eventually.eventually {
            def invitation = invitationOf(invited.json.id)
            assert invitation.status == 'PENDING'
            assert invitation.attempts >= 1
            assert invitation.lastError.contains('HTTP 500')
        }

        when:
        TestServices.startMail()

        then:
        eventually.eventually { assert invitationOf(invited.json.id).status == 'SENT' }
        invitationOf(invited.json.id).attempts < 5
        eventually.eventually { assert Mailbox.to(email, SUBJECT_FR).size() == 1 }

        cleanup:
        TestServices.startMail()
    }

    def "resending answers 404 for an unknown person and 409 for a deactivated one; an invitation never sent is 404"() {
        given:
        def invited = api.post('/api/v1/staff', admin, [email: "ancien-${suffix()}@firm.test", firstName: 'A', lastName: 'B', role: 'consultant']).json
        api.patch("/api/v1/users/${invited.id}", admin, [active: false])
        String demoConsultant = api.get('/api/v1/me', Tokens.of('consultant')).json.subject

        expect:
        api.post("/api/v1/users/${UUID.randomUUID()}/invitation", admin).status == 404
        api.get("/api/v1/users/${UUID.randomUUID()}/invitation", admin).status == 404
        api.get("/api/v1/users/${demoConsultant}/invitation", admin).status == 404
        with(api.post("/api/v1/users/${invited.id}/invitation", admin)) {
            status == 409
            problem
        }
    }

    def "Keycloak unreachable: the invitation and the tenant answer 503 and nothing is saved"() {
        given:
        def other = instanceWithoutKeycloak()
        def tenant = api.post('/api/v1/tenants', admin, [name: 'Hors ligne', slug: "hors-ligne-${suffix()}", locale: 'fr']).json
        String email = "injoignable-${suffix()}@hors-ligne.test"
        String slug = "injoignable-${suffix()}"

        when:
        def invite = other.post("/api/v1/tenants/${tenant.id}/users", admin, [email: email, firstName: 'N', lastName: 'R'])
        def staff = other.post('/api/v1/staff', admin, [email: email, firstName: 'N', lastName: 'R', role: 'lawyer'])
        def created = other.post('/api/v1/tenants', admin, [name: 'Injoignable', slug: slug, locale: 'fr'])

        then:
        [invite, staff, created].every { it.status == 503 && it.problem && it.json.detail.contains('cannot be reached') }
        count('select count(*) as n from user_account where email = ?', email) == 0
        count('select count(*) as n from keycloak_action a join user_account u on u.id = a.user_id where u.email = ?', email) == 0
        count('select count(*) as n from tenant where slug = ?', slug) == 0
        KeycloakTestAdmin.usersByEmail(email) == []
    }

    def "Keycloak refusing the person (the address is taken) answers 409 and saves nothing"() {
        when:
        def response = api.post('/api/v1/staff', admin, [email: 'consultant@demo.taskforce.test', firstName: 'C', lastName: 'D', role: 'consultant'])

        then:
        response.status == 409
        response.problem
        count("select count(*) as n from user_account where email = 'consultant@demo.taskforce.test'") == 1
    }

    def "a transaction that fails after Keycloak created the person or the group undoes them there"() {
        given: 'the database refuses these rows (a trigger plays a failure after the Keycloak call)'
        TestServices.superuser().withCloseable { sql ->
            sql.execute('''
                create function refuse_for_test() returns trigger language plpgsql as $$
                begin raise exception 'refused for the test'; end $$''')
            sql.execute("create trigger refuse_user before insert on user_account for each row when (new.email like 'refused-%') execute function refuse_for_test()")
            sql.execute("create trigger refuse_tenant before insert on tenant for each row when (new.slug like 'refused-%') execute function refuse_for_test()")
        }
        String email = "refused-${suffix()}@firm.test"
        String slug = "refused-${suffix()}"

        when:
        def invited = api.post('/api/v1/staff', admin, [email: email, firstName: 'R', lastName: 'F', role: 'lawyer'])
        def created = api.post('/api/v1/tenants', admin, [name: 'Refusée', slug: slug, locale: 'fr'])

        then: 'a clear problem, and neither the person nor the group left in Keycloak'
        invited.status == 500
        invited.problem
        created.status == 500
        created.problem
        KeycloakTestAdmin.usersByEmail(email) == []
        KeycloakTestAdmin.groups("tenant-${slug}") == []
        count('select count(*) as n from tenant where slug = ?', slug) == 0

        cleanup:
        TestServices.superuser().withCloseable { sql ->
            sql.execute('drop trigger if exists refuse_user on user_account')
            sql.execute('drop trigger if exists refuse_tenant on tenant')
            sql.execute('drop function if exists refuse_for_test()')
        }
    }

    private Map invitationOf(String userId) {
        def response = api.get("/api/v1/users/${userId}/invitation", admin)
        assert response.status == 200
        response.json as Map
    }

    /** The action link of an invitation, as the person's mail client shows it. */
    private static String actionLink(MimeMessage mail) {
        def matcher = Mailbox.parts(mail)['text/plain'] =~ /(http\S+login-actions\/action-token\S+)/
        assert matcher.find()
        matcher.group(1)
    }

    /** The claims of the action token a link carries (what Keycloak will ask of the person, and for how long). */
    private static Map actionToken(String link) {
        String key = URLDecoder.decode((link =~ /key=([^&]+)/)[0][1] as String, 'UTF-8')
        new JsonSlurper().parse(Base64.urlDecoder.decode(key.split('\\.')[1])) as Map
    }

    private Api instanceWithoutKeycloak() {
        if (cut == null) {
            cut = ApplicationContext.run(EmbeddedServer, [
                    'micronaut.server.port'        : -1,
                    'taskforce.jobs.enabled'       : false,
                    'taskforce.keycloak-admin.url' : 'http://127.0.0.1:9', // discard: nothing listens
            ]).applicationContext
        }
        new Api(cut.getBean(EmbeddedServer).URI)
    }

    private static int count(String query, Object... params) {
        TestServices.superuser().withCloseable { it.firstRow(query, params as List).n as int }
    }

    private static String suffix() { UUID.randomUUID().toString().take(8) }
}
