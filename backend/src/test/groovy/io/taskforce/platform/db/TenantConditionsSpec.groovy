package io.taskforce.platform.db

import spock.lang.Specification

/** The lint that the test guard applies to every statement the application prepares. */
class TenantConditionsSpec extends Specification {

    def rule = new TenantConditions(['case_file', 'case_task', 'rumour', 'log_entry', 'case_member'])

    def "#sql -> unpinned #expected"() {
        expect:
        rule.unpinned(sql) == expected

        where:
        sql                                                                                              || expected
        'select * from rumour where id = ?'                                                              || ['rumour']
        'select * from rumour where tenant_id = ? and id = ?'                                            || []
        'select * from rumour where id = ? and tenant_id = cast(? as uuid)'                              || []
        'select * from rumour where ? = tenant_id'                                                       || []
        'select * from rumour where tenant_id = any(?)'                                                  || []
        'select * from rumour where tenant_id in (?, ?)'                                                 || []
        'select * from rumour where (tenant_id, id) = (?, ?)'                                            || []
        'update rumour set status = ? where id = ?'                                                      || ['rumour']
        'update rumour set status = ? where tenant_id = ? and id = ?'                                    || []
        'UPDATE "rumour" SET "tenant_id"=?,"status"=? WHERE ("id" = ?)'                                 || ['rumour']
        'update rumour set status = ? where id = ? returning tenant_id'                                  || ['rumour']
        'delete from rumour where id = ?'                                                                || ['rumour']
        'insert into rumour (id, tenant_id) values (?, ?)'                                               || []
        'insert into rumour (id, tenant_id) select ?, tenant_id from case_file where id = ?'             || ['case_file']
        'select 1 from user_account where id = ?'                                                        || []
        // joined tables are pinned through tenant_id links to a pinned one, not by a link alone
        'select * from rumour r left join log_entry e on e.tenant_id = r.tenant_id and e.id = r.x where r.tenant_id = ?' || []
        'select * from rumour r left join log_entry e on e.tenant_id = r.tenant_id and e.id = r.x where r.id = ?'        || ['rumour r', 'log_entry e']
        'select * from rumour r join log_entry e on e.id = r.x where r.tenant_id = ?'                    || ['log_entry e']
        'select * from case_task t join case_file c on c.id = t.case_id where t.tenant_id = ? and c.tenant_id = t.tenant_id' || []
        // a subquery's table needs its own tie
        'select * from case_file c where c.tenant_id = ? and exists (select 1 from case_member m where m.case_id = c.id)' || ['case_member m']
        'select * from case_file c where c.tenant_id = ? and exists (select 1 from case_member m where m.tenant_id = c.tenant_id and m.case_id = c.id)' || []
        // Micronaut Data's generated SQL quotes names
        'SELECT case_file_."id" FROM "case_file" case_file_ WHERE (case_file_."id" = ?)'                || ['case_file case_file_']
        'SELECT case_file_."id" FROM "case_file" case_file_ WHERE (case_file_."tenant_id" = ? AND case_file_."id" = ?)' || []
        // a comparison with another column, a setting or a literal is no pin
        "select * from rumour where tenant_id = current_setting('app.tenant_id')::uuid"                  || ['rumour']
        'select * from rumour r where r.tenant_id = r.created_by'                                        || ['rumour r']
        // words in comments and string literals are not SQL
        "select 'from rumour' as x, id from case_file where tenant_id = ? -- from rumour"                || []
        // a statement across tenants says so, and why
        '/* across tenants: the intake queue */ select * from case_file where status = ?'                || []
        'select * from case_file where status = ? /* across tenants */'                                  || ['case_file']
    }
}
