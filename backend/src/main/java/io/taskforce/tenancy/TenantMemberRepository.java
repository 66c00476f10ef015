package io.taskforce.tenancy;

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

    @Query("""
            select u.* from user_account u join tenant_member m on m.user_id = u.id
            where u.username > :after order by u.username limit :limit""")
    List<UserAccount> findMembersAfter(String after, int limit);

    @Query("select exists (select 1 from tenant_member where user_id = :userId)")
    boolean isMember(UUID userId);
}
