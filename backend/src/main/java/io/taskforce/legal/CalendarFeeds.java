package io.taskforce.legal;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.identity.CurrentUser;
import io.taskforce.identity.Firm;
import io.taskforce.identity.Role;
import io.taskforce.legal.ClockViews.FeedView;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A lawyer's iCalendar feed: a secret URL their calendar application polls without a token. Only the secret's hash
 * is stored; making a new one replaces the old, revoking deletes it; both are audited in the platform chain. The feed
 * shows what the lawyer would see signed in (their teams' running clocks, through {@link ClockService#calendar}), and
 * nothing once they are deactivated or no longer a lawyer.
 */
@Singleton
class CalendarFeeds {

    static final String PATH = "/api/v1/legal/calendar-feeds/";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantTransactions transactions;
    private final Sql sql;
    private final AuditTrail audit;
    private final ClockService clocks;

    CalendarFeeds(TenantTransactions transactions, Sql sql, AuditTrail audit, ClockService clocks) {
        this.transactions = transactions;
        this.sql = sql;
        this.audit = audit;
        this.clocks = clocks;
    }

    FeedView status(Caller caller) {
        requireLawyer(caller);
        return transactions.read(TenantTransactions.PLATFORM, () -> sql.one(
                "select created_at from legal_calendar_feed where user_id = ?", ps -> ps.setObject(1, caller.userId()),
                rs -> new FeedView(true, Sql.instant(rs, "created_at"), null)).orElse(new FeedView(false, null, null)));
    }

    FeedView create(Caller caller) {
        requireLawyer(caller);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var now = ClockService.now();
        return transactions.write(TenantTransactions.PLATFORM, () -> {
            int replaced = sql.update("delete from legal_calendar_feed where user_id = ?", ps -> ps.setObject(1, caller.userId()));
            sql.update("insert into legal_calendar_feed (user_id, token_sha256, created_at) values (?, ?, ?)", ps -> {
                ps.setObject(1, caller.userId());
                ps.setString(2, sha256(token));
                ps.setTimestamp(3, Sql.ts(now));
            });
            audit.record(caller, AuditEntry.of("legal_calendar_feed.created", "legal_calendar_feed", caller.userId(),
                    Changes.of().set("replacedPrevious", replaced > 0)));
            return new FeedView(true, now, PATH + token);
        });
    }

    void revoke(Caller caller) {
        requireLawyer(caller);
        transactions.write(TenantTransactions.PLATFORM, () -> {
            int removed = sql.update("delete from legal_calendar_feed where user_id = ?", ps -> ps.setObject(1, caller.userId()));
            if (removed == 0) {
                throw ApiException.notFound("Calendar feed");
            }
            audit.record(caller, AuditEntry.of("legal_calendar_feed.revoked", "legal_calendar_feed", caller.userId(), Changes.of()));
            return null;
        });
    }

    /** The feed of the secret's owner, or 404 for a secret that is unknown, revoked, or whose owner may no longer see it. */
    String ics(String token) {
        var owner = transactions.read(TenantTransactions.PLATFORM, () -> sql.one("""
                select u.id, u.username from legal_calendar_feed f join user_account u on u.id = f.user_id
                where f.token_sha256 = ? and u.active and u.role = 'lawyer'""", ps -> ps.setString(1, sha256(token)),
                rs -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2)}));
        var caller = owner.map(o -> new Caller(new CurrentUser(o[0].toString(), (String) o[1], null, List.of(Role.LAWYER),
                Firm.LEGAL, null), null, "calendar-feed", null)).orElseThrow(() -> ApiException.notFound("Calendar feed"));
        var entries = clocks.calendar(caller).stream().map(e -> new ICalendar.Entry(e.clock().id().toString(),
                e.clock().endsAt(), e.clock().nameFr() + " — " + e.caseTitle(),
                e.clock().nameEn() + "\n" + e.clock().basis() + "\n" + e.clock().lastDay())).toList();
        return ICalendar.render(entries, ClockService.now());
    }

    private static void requireLawyer(Caller caller) {
        if (!caller.user().hasRole(Role.LAWYER)) {
            throw ApiException.forbidden("The legal calendar is a lawyer's.");
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
