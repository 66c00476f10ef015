package io.taskforce.tenancy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TenantRepository extends CrudRepository<Tenant, UUID> {

    boolean existsBySlug(String slug);

    List<Tenant> findByIdIn(Collection<UUID> ids);

    @Query("select * from tenant where slug > :after order by slug limit :limit")
    List<Tenant> findAfter(String after, int limit);

    /** Records the group made for a tenant that had none; a group recorded meanwhile is kept. */
    @Query("update tenant set keycloak_group_id = :groupId where id = :id and keycloak_group_id is null")
    void recordGroup(UUID id, String groupId);

    @Query("select * from tenant order by slug")
    List<Tenant> findAllOrdered();
}
