package io.taskforce.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserAccountRepository extends CrudRepository<UserAccount, UUID> {

    /**
     * Staff of the three firms (and platform admins) by user name, then id (user names are not unique), after
     * the person with the given id (the page cursor), or from the start when it is null.
     */
    @Query("""
            select * from user_account u
            where u.role <> 'client'
              and (cast(:after as uuid) is null
                   or (u.username, u.id) > (select a.username, a.id from user_account a where a.id = :after))
            order by u.username, u.id limit :limit""")
    List<UserAccount> findStaffAfter(@Nullable UUID after, int limit);

    /** Active staff of the three firms, by firm (role) then name. */
    @Query("""
            select * from user_account where active and role in ('consultant', 'lawyer', 'reputation_specialist')
            order by role, coalesce(last_name, username), first_name, id""")
    List<UserAccount> findActiveStaff();

    /** Registers a user seen for the first time with a valid token; a no-op (0) when already known. */
    @Query("""
            insert into user_account (id, username, email, first_name, last_name, role, active, created_at)
            values (:id, :username, :email, :firstName, :lastName, :role, true, now())
            on conflict (id) do nothing""")
    int register(UUID id, String username, @Nullable String email, @Nullable String firstName,
                  @Nullable String lastName, String role);
}
