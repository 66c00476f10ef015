package io.taskforce.legal;

import io.taskforce.legal.ClockRecords.PublicationRow;
import io.taskforce.legal.ClockRecords.RepublicationRow;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.taskforce.legal.Sql.instant;
import static io.taskforce.legal.Sql.params;
import static io.taskforce.legal.Sql.ts;

/** Hostile publications of a case, their qualification and their republications. */
@Singleton
class PublicationStore {

    private static final String PUBLICATION = """
            select id, tenant_id, case_id, url, first_published_at, qualification, qualified_by, qualified_at, created_by,
                   created_at from legal_publication""";

    private final Sql sql;

    PublicationStore(Sql sql) {
        this.sql = sql;
    }

    void insert(PublicationRow p) {
        sql.update("""
                insert into legal_publication (id, tenant_id, case_id, url, first_published_at, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, p.id());
            ps.setObject(2, p.tenantId());
            ps.setObject(3, p.caseId());
            ps.setString(4, p.url());
            ps.setTimestamp(5, ts(p.firstPublishedAt()));
            ps.setObject(6, p.createdBy());
            ps.setTimestamp(7, ts(p.createdAt()));
        });
    }

    void qualify(PublicationRow p) {
        sql.update("update legal_publication set qualification = ?, qualified_by = ?, qualified_at = ? where tenant_id = ? and id = ?", ps -> {
            ps.setString(1, p.qualification().name());
            ps.setObject(2, p.qualifiedBy());
            ps.setTimestamp(3, ts(p.qualifiedAt()));
            ps.setObject(4, p.tenantId());
            ps.setObject(5, p.id());
        });
    }

    void republish(PublicationRow p, RepublicationRow r) {
        sql.update("""
                insert into legal_republication (id, tenant_id, case_id, publication_id, republished_at, note, recorded_by,
                                                 recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, r.id());
            ps.setObject(2, p.tenantId());
            ps.setObject(3, p.caseId());
            ps.setObject(4, p.id());
            ps.setTimestamp(5, ts(r.republishedAt()));
            ps.setString(6, r.note());
            ps.setObject(7, r.recordedBy());
            ps.setTimestamp(8, ts(r.recordedAt()));
        });
    }

    /** The case of a publication a route names, to check the caller against (see {@link Sql#caseOf}). */
    Optional<UUID> caseOf(UUID publicationId) {
        return sql.caseOf("legal_publication", publicationId);
    }

    Optional<PublicationRow> find(UUID tenantId, UUID id) {
        return sql.one(PUBLICATION + " where tenant_id = ? and id = ?", params(tenantId, id), PublicationStore::publication);
    }

    Optional<PublicationRow> lock(UUID tenantId, UUID id) {
        return sql.one(PUBLICATION + " where tenant_id = ? and id = ? for update", params(tenantId, id),
                PublicationStore::publication);
    }

    List<PublicationRow> ofCase(UUID tenantId, UUID caseId) {
        return sql.many(PUBLICATION + " where tenant_id = ? and case_id = ? order by first_published_at, id",
                params(tenantId, caseId), PublicationStore::publication);
    }

    List<RepublicationRow> republications(UUID tenantId, UUID publicationId) {
        return sql.many("""
                select id, publication_id, republished_at, note, recorded_by, recorded_at from legal_republication
                where tenant_id = ? and publication_id = ? order by republished_at, id""", params(tenantId, publicationId),
                rs -> new RepublicationRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        instant(rs, "republished_at"), rs.getString(4), rs.getObject(5, UUID.class), instant(rs, "recorded_at")));
    }

    private static PublicationRow publication(ResultSet rs) throws SQLException {
        String q = rs.getString("qualification");
        return new PublicationRow(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("case_id", UUID.class), rs.getString("url"), instant(rs, "first_published_at"),
                q == null ? null : Qualification.valueOf(q), rs.getObject("qualified_by", UUID.class),
                instant(rs, "qualified_at"), rs.getObject("created_by", UUID.class), instant(rs, "created_at"));
    }
}
