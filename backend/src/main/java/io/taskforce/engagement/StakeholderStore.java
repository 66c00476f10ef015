package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stakeholder table of the case transaction in progress. */
@Singleton
class StakeholderStore {

    /** A stakeholder as stored. */
    record Row(UUID id, UUID tenantId, UUID caseId, StakeholderGroup group, String name, String expectations, int power,
               int interest, String channel, @Nullable UUID ownerId, @Nullable Instant informedAt,
               @Nullable UUID informedBy, boolean proposed, UUID createdBy, Instant createdAt, Instant updatedAt) {
    }

    private static final String SELECT = """
            select s.id, s.case_id, s.grp, s.name, s.expectations, s.power, s.interest, s.channel, s.owner_id, %s,
                   s.informed_at, s.informed_by, %s, s.proposed, s.created_at, s.updated_at
            from stakeholder s left join user_account u on u.id = s.owner_id
                               left join user_account i on i.id = s.informed_by"""
            .formatted(Sql.NAME, Sql.NAME.replace("u.", "i."));

    private final Sql sql;

    StakeholderStore(Sql sql) {
        this.sql = sql;
    }

    void insert(Row r) {
        sql.update("""
                insert into stakeholder (id, tenant_id, case_id, grp, name, expectations, power, interest, channel, owner_id,
                                         informed_at, informed_by, proposed, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> Sql.bindAll(ps, Arrays.asList(r.id(),
                r.tenantId(), r.caseId(), r.group(), r.name(), r.expectations(), r.power(), r.interest(), r.channel(),
                r.ownerId(), r.informedAt(), r.informedBy(), r.proposed(), r.createdBy(), r.createdAt(), r.updatedAt())));
    }

    void update(Row r) {
        sql.update("""
                update stakeholder set grp = ?, name = ?, expectations = ?, power = ?, interest = ?, channel = ?, owner_id = ?,
                                       informed_at = ?, informed_by = ?, proposed = ?, updated_at = ?
                where tenant_id = ? and id = ?""", ps -> Sql.bindAll(ps, Arrays.asList(r.group(), r.name(), r.expectations(),
                r.power(), r.interest(), r.channel(), r.ownerId(), r.informedAt(), r.informedBy(), r.proposed(), r.updatedAt(),
                r.tenantId(), r.id())));
    }

    void delete(UUID tenantId, UUID id) {
        sql.update("delete from stakeholder where tenant_id = ? and id = ?", Sql.params(tenantId, id));
    }

    /** The row, locked until the transaction ends. */
    Optional<Row> lock(UUID tenantId, UUID id) {
        return sql.one("""
                select id, tenant_id, case_id, grp, name, expectations, power, interest, channel, owner_id, informed_at,
                       informed_by, proposed, created_by, created_at, updated_at from stakeholder where tenant_id = ? and id = ?
                for update""", Sql.params(tenantId, id), rs -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), StakeholderGroup.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getObject(10, UUID.class),
                        Sql.instant(rs.getTimestamp(11)), rs.getObject(12, UUID.class), rs.getBoolean(13),
                        rs.getObject(14, UUID.class), rs.getTimestamp(15).toInstant(), rs.getTimestamp(16).toInstant()));
    }

    /** The locate step before {@code CaseAccess} checks the caller: staff have no tenant until the case names it. */
    Optional<UUID> caseOf(UUID id) {
        return sql.one("/* across tenants: locate the case of the stakeholder a route names, CaseAccess checks the caller"
                + " next */ select case_id from stakeholder where id = ?", ps -> ps.setObject(1, id),
                rs -> rs.getObject(1, UUID.class));
    }

    StakeholderView view(UUID tenantId, UUID id) {
        return sql.one(SELECT + " where s.tenant_id = ? and s.id = ?", Sql.params(tenantId, id), StakeholderStore::view)
                .orElseThrow();
    }

    /** Highest power first, then interest: the order both the grid's legend and "not informed yet" want. */
    List<StakeholderView> ofCase(UUID tenantId, UUID caseId, boolean notInformedOnly) {
        return sql.many(SELECT + " where s.tenant_id = ? and s.case_id = ?"
                + (notInformedOnly ? " and s.informed_at is null" : "")
                + " order by s.power desc, s.interest desc, s.name, s.id", Sql.params(tenantId, caseId), StakeholderStore::view);
    }

    boolean hasGroup(UUID tenantId, UUID caseId, StakeholderGroup group) {
        return sql.one("select 1 from stakeholder where tenant_id = ? and case_id = ? and grp = ?",
                Sql.params(tenantId, caseId, group), rs -> true).isPresent();
    }

    boolean onTeam(UUID tenantId, UUID caseId, UUID userId) {
        return sql.one("select 1 from case_member where tenant_id = ? and case_id = ? and user_id = ?",
                Sql.params(tenantId, caseId, userId), rs -> true).isPresent();
    }

    private static StakeholderView view(ResultSet rs) throws SQLException {
        var informedAt = Sql.instant(rs.getTimestamp(11));
        int power = rs.getInt(6);
        int interest = rs.getInt(7);
        return new StakeholderView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                StakeholderGroup.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), power, interest,
                Quadrant.of(power, interest), rs.getString(8), rs.getObject(9, UUID.class),
                rs.getObject(9) == null ? null : rs.getString(10), informedAt != null, informedAt,
                rs.getObject(12, UUID.class), rs.getObject(12) == null ? null : rs.getString(13), rs.getBoolean(14),
                rs.getTimestamp(15).toInstant(), rs.getTimestamp(16).toInstant());
    }
}
