package io.taskforce.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.taskforce.identity.UserAccount;

import java.util.List;
import java.util.UUID;

/** Client users of a tenant. Row-level security scopes every query to the tenant of the transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TenantMemberRepository extends GenericRepository<UserAccount, UUID> {

    @Query("insert into tenant_member (tenant_id, user_id) values (:tenantId, :userId)")
    void add(UUID tenantId, UUID userId);

    @Query("insert into tenant_member (tenant_id, user_id) values (:tenantId, :userId) on conflict do nothing")
    void addIfAbsent(UUID tenantId, UUID userId);

    /** Whether the user is a member of the tenant (named here too: row-level security is the second wall). */
    @Query("select exists (select 1 from tenant_member where tenant_id = :tenantId and user_id = :userId)")
    boolean isMember(UUID tenantId, UUID userId);

    /** A tenant's members by user name, then id, after the member with the given id (the page cursor), or from the start. */
    @Query("""
            select u.* from user_account u join tenant_member m on m.user_id = u.id
            where m.tenant_id = :tenantId
              and (cast(:after as uuid) is null
                   or (u.username, u.id) > (select a.username, a.id from user_account a where a.id = :after))
            order by u.username, u.id limit :limit""")
    List<UserAccount> findMembersAfter(UUID tenantId, @Nullable UUID after, int limit);
}
