package io.taskforce.messages

import io.micronaut.http.HttpStatus
import io.taskforce.identity.Caller
import io.taskforce.identity.CurrentUser
import io.taskforce.identity.Firm
import io.taskforce.platform.problem.ApiException
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicReference

/**
 * The gate's promise, checked on a thousand random histories per run (about 3,500 moves, 1,200 of them racing; more
 * with -Dtaskforce.gate.histories=N) against the real service and database: whatever
 * the order of edits, submissions, approvals, change requests, publications and withdrawals, by whichever member
 * of the team, and with pairs of requests racing on separate connections, every publication names words that a
 * lawyer of the team other than their author approved, with the same hash, and those words hash to it.
 *
 * The seed is printed; rerun a failure with -Dtaskforce.gate.seed=N. The case lives in a tenant of its own, with
 * people without e-mail addresses, and each history's review requests are closed at its end, so that no review
 * escalates to the firm's lawyers and nothing here reaches the other specs' mailboxes.
 */
@RealServices
class SignOffPropertySpec extends Specification {

    static final int HISTORIES = Integer.getInteger('taskforce.gate.histories', 1000)
    static final long SEED = Long.getLong('taskforce.gate.seed', System.nanoTime())
    static final List<String> WORDS = ['Cette nuit, un incendie a touché notre site.', 'Personne n’a été blessé.',
                                       'Nos équipes sont mobilisées.', 'Prochain point à 9 h.']

    /** Moves (numbered as in step()) that make progress from each state. */
    static final Map<MessageState, List<Integer>> SENSIBLE = [
            (MessageState.DRAFT)            : [1, 1, 0],
            (MessageState.CHANGES_REQUESTED): [0, 1],
            (MessageState.IN_REVIEW)        : [2, 2, 4, 0],
            (MessageState.APPROVED)         : [5, 5, 0],
            (MessageState.PUBLISHED)        : [6, 0],
            (MessageState.WITHDRAWN)        : [0, 5],
    ]

    @Shared MessageService service = SharedApplication.bean(MessageService)
    @Shared UUID tenant = UUID.randomUUID()
    @Shared UUID caseId = UUID.randomUUID()
    @Shared Map<String, Caller> team = [
            consultant : staff('consultant', Firm.COMMUNICATION),
            consultant2: staff('consultant', Firm.COMMUNICATION),
            lawyer     : staff('lawyer', Firm.LEGAL),
            lawyer2    : staff('lawyer', Firm.LEGAL),
    ]

    static Caller staff(String role, Firm firm) {
        def id = UUID.randomUUID().toString()
        new Caller(new CurrentUser(id, "gate-${id.take(8)}", "Gate ${role}", [role], firm, null), null, 'SignOffPropertySpec', null)
    }

    def setupSpec() {
        TestServices.superuser().withCloseable { sql ->
            sql.execute("insert into tenant (id, slug, name) values ('${tenant}', 'gate-${tenant.toString().take(8)}', 'Gate')".toString())
            team.values().each { c ->
                sql.execute("insert into user_account (id, username, role) values ('${c.userId()}', '${c.user().username()}', '${c.user().roles()[0]}')".toString())
            }
            String members = team.values().collect { "'${it.userId()}'" }.join(',')
            sql.execute("""insert into case_file (id, tenant_id, title, summary, reported_by, reported_at, status, team, severity)
                           values ('${caseId}', '${tenant}', 'Gate', 's', '${team.consultant.userId()}', now(), 'ACTIVE', array[${members}], 2)""".toString())
            team.eachWithIndex { name, c, i ->
                sql.execute("""insert into case_member (tenant_id, case_id, user_id, workstream, lead, added_at)
                               values ('${tenant}', '${caseId}', '${c.userId()}', '${name.startsWith('lawyer') ? 'LEGAL' : 'COMMUNICATION'}', ${i % 2 == 0}, now())""".toString())
            }
        }
    }

    def "every publication in #HISTORIES random histories names words a team lawyer other than their author approved"() {
        given:
        println "SignOffPropertySpec seed ${SEED} (rerun with -Dtaskforce.gate.seed=${SEED})"
        def random = new Random(SEED)
        def pool = Executors.newFixedThreadPool(2)
        def outcomes = [ok: new AtomicInteger(), refused: new AtomicInteger(), published: new AtomicInteger(), raced: new AtomicInteger()]
        def unexpected = Collections.synchronizedList([])

        when:
        HISTORIES.times {
            // what the last answer said of the message: the next moves are chosen from it, as a user's screen would
            def seen = new AtomicReference<MessageViews.MessageView>(service.create(team.consultant, caseId, draft(random)))
            (2 + random.nextInt(7)).times {
                if (random.nextInt(4) == 0) {
                    // two requests at once, as two instances would receive them
                    def steps = [step(random, seen.get()), step(random, seen.get())]
                    outcomes.raced.incrementAndGet()
                    pool.invokeAll(steps.collect { s -> { -> attempt(s, seen, outcomes, unexpected) } as Callable }).each { it.get() }
                } else {
                    attempt(step(random, seen.get()), seen, outcomes, unexpected)
                }
            }
            UUID message = seen.get().id()
            closeReviews(message)
        }
        pool.shutdown()

        then: 'refusals are the gate speaking (403, 409), never a failure'
        unexpected == []
        outcomes.published.get() > HISTORIES / 10
        outcomes.refused.get() > 0
        outcomes.raced.get() > 0

        and: 'every publication: the approved words, approved by a lawyer of the team who did not write them'
        def publications = TestServices.superuser().withCloseable { sql ->
            sql.rows("""select p.message_id, p.revision, p.sha256, r.author_id, r.sha256 as revision_sha256, r.title, r.body,
                               r.channels::text as channels, r.audience::text as audience, r.language,
                               (select array_agg(a.lawyer_id::text) from message_approval a
                                 where a.message_id = p.message_id and a.revision = p.revision and a.sha256 = p.sha256
                                   and a.lawyer_id <> r.author_id
                                   and exists (select 1 from case_member m join user_account u on u.id = m.user_id
                                               where m.case_id = p.case_id and m.user_id = a.lawyer_id and u.role = 'lawyer')) as signers
                        from message_publication p join message_revision r
                          on r.message_id = p.message_id and r.number = p.revision
                        where p.case_id = '${caseId}'""".toString())
        }
        publications.size() == outcomes.published.get()
        publications.every { p -> p.signers != null && p.sha256 == p.revision_sha256 && p.sha256 == rehash(p) }
        println "SignOffPropertySpec: ${HISTORIES} histories, ${outcomes.ok.get()} moves done, ${outcomes.refused.get()} refused, " +
                "${outcomes.raced.get()} races, ${publications.size()} publications checked"

        and: 'a published message stands on its last publication'
        TestServices.superuser().withCloseable { sql ->
            sql.rows("""select m.id from message m where m.case_id = '${caseId}' and m.state = 'PUBLISHED'
                        and m.current_revision <> (select max(p.revision) from message_publication p where p.message_id = m.id)""".toString())
        } == []
    }

    private Map step(Random random, MessageViews.MessageView seen) {
        UUID message = seen.id()
        def who = team.values().toList()[random.nextInt(team.size())]
        // mostly the current revision and its hash, sometimes an old revision or a wrong hash
        int revision = random.nextInt(5) == 0 ? Math.max(1, seen.currentRevision().number() - 1) : seen.currentRevision().number()
        String sha256 = random.nextInt(8) == 0 ? 'f' * 64 : seen.currentRevision().sha256()
        // more often than not the move that makes sense in the message's state, so that histories get far
        int move = random.nextInt(5) < 3 ? SENSIBLE[seen.state()][random.nextInt(SENSIBLE[seen.state()].size())] : random.nextInt(7)
        if (random.nextInt(5) < 4 && move in [2, 4, 5]) {
            // mostly someone whose role may make that move (a lawyer signs, a consultant publishes)
            def able = team.findAll { name, c -> name.startsWith(move == 5 ? 'consultant' : 'lawyer') }.values().toList()
            who = able[random.nextInt(able.size())]
        }
        switch (move) {
            case 0: return [name: 'edit', run: { -> service.edit(who, message, edit(random, revision)) }]
            case 1: return [name: 'submit', run: { -> service.submit(who, message, revision) }]
            case 2: case 3: return [name: 'approve', run: { -> service.approve(who, message, revision, sha256) }]
            case 4: return [name: 'request-changes', run: { -> service.requestChanges(who, message, revision, 'Revoir la phrase.') }]
            case 5: return [name: 'publish', run: { -> service.publish(who, message, revision, sha256) }]
            default: return [name: 'withdraw', run: { -> service.withdraw(who, message) }]
        }
    }

    private static void attempt(Map step, AtomicReference<MessageViews.MessageView> seen, Map<String, AtomicInteger> outcomes,
                                List unexpected) {
        try {
            seen.set(step.run() as MessageViews.MessageView)
            outcomes.ok.incrementAndGet()
            if (step.name == 'publish') {
                outcomes.published.incrementAndGet()
            }
        } catch (ApiException e) {
            if (e.status() in [HttpStatus.FORBIDDEN, HttpStatus.CONFLICT]) {
                outcomes.refused.incrementAndGet()
            } else {
                unexpected << "${step.name}: ${e.status()} ${e.message}".toString()
            }
        } catch (Exception e) {
            unexpected << "${step.name}: ${e}".toString()
        }
    }

    private static MessageRequests.Draft draft(Random random) {
        def content = words(random)
        new MessageRequests.Draft(MessageKind.PRESS_RELEASE, content.title, content.body, 'fr', [Channel.PRESS], [Audience.MEDIA])
    }

    private static MessageRequests.Edit edit(Random random, int baseRevision) {
        def content = words(random)
        new MessageRequests.Edit(MessageKind.PRESS_RELEASE, content.title, content.body, 'fr', [Channel.PRESS], [Audience.MEDIA], baseRevision)
    }

    /** Few enough variants that an edit sometimes repeats the current words (a no-op that keeps its approval). */
    private static Map words(Random random) {
        [title: "Point de situation ${random.nextInt(3)}", body: WORDS.subList(0, 1 + random.nextInt(WORDS.size())).join('\n\n')]
    }

    private static String rehash(Map p) {
        List<String> channels = p.channels.replaceAll(/[{}]/, '').tokenize(',')
        List<String> audience = p.audience.replaceAll(/[{}]/, '').tokenize(',')
        new MessageContent(p.title, p.body, channels.collect { Channel.valueOf(it) }, audience.collect { Audience.valueOf(it) },
                p.language).sha256()
    }

    private void closeReviews(UUID message) {
        TestServices.superuser().withCloseable { sql ->
            sql.execute("update message_review_request set answered_at = now() where message_id = '${message}' and answered_at is null".toString())
        }
    }
}
