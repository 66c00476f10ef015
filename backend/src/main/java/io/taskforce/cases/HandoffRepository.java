package io.taskforce.cases;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface HandoffRepository extends CrudRepository<Handoff, UUID> {

    @Query("select * from case_handoff where case_id = :caseId order by created_at desc")
    List<Handoff> findByCase(UUID caseId);
}
