package io.taskforce.support

import io.micronaut.context.event.BeanCreatedEvent
import io.micronaut.context.event.BeanCreatedEventListener
import io.micronaut.core.order.Ordered
import io.taskforce.platform.db.TenantConditions
import jakarta.inject.Singleton

import javax.sql.DataSource
import java.lang.reflect.InvocationHandler
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Method
import java.lang.reflect.Proxy
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import java.sql.Connection
import java.sql.SQLException
import java.sql.Statement

/**
 * In every test run, each statement the application prepares on its connection pool goes through
 * {@link TenantConditions} first: one on a tenant table that is not pinned to a tenant is refused (the request then
 * fails, and so does the spec that made it) and written to {@code target/tenant-condition-violations.txt}. So the whole
 * suite proves that RLS is the second wall: a query that relies on it alone cannot come back unnoticed.
 *
 * {@code -Dtaskforce.test.tenant-guard=record} only records (to list what is left while sweeping); {@code off} leaves the
 * pool alone (the benchmarks set it). Specs that probe
 * row-level security itself with deliberately bare statements {@link #suspend} it.
 */
@Singleton
class TenantConditionGuard implements BeanCreatedEventListener<DataSource>, Ordered {

    static final Path VIOLATIONS = Path.of('target', 'tenant-condition-violations.txt')
    /** enforce (default), record, or off (the benchmarks, which run from the test classes but measure the product). */
    static final String MODE = 'taskforce.test.tenant-guard'
    private static final boolean ENFORCE = System.getProperty(MODE, 'enforce') != 'record'
    private static final ThreadLocal<Boolean> OFF = ThreadLocal.withInitial { false }
    private static volatile TenantConditions rule

    static {
        Files.deleteIfExists(VIOLATIONS)
    }

    /** First, on the pool itself: Micronaut Data's transaction-aware wrapper then wraps this one. */
    @Override
    int getOrder() {
        HIGHEST_PRECEDENCE
    }

    @Override
    DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        def pool = event.bean
        if (System.getProperty(MODE) == 'off') {
            return pool
        }
        Proxy.newProxyInstance(getClass().classLoader, [DataSource] as Class[], forward(pool) { Method m, Object result ->
            m.name == 'getConnection' ? guarded(pool, (Connection) result) : result
        }) as DataSource
    }

    /**
     * Turns the guard off on this thread until {@link #resume}: for a spec whose statements must reach PostgreSQL bare,
     * to prove what row-level security refuses on its own.
     */
    static void suspend() {
        OFF.set(true)
    }

    static void resume() {
        OFF.set(false)
    }

    private static Connection guarded(DataSource pool, Connection connection) {
        Proxy.newProxyInstance(TenantConditionGuard.classLoader, [Connection] as Class[], new InvocationHandler() {
            Object invoke(Object proxy, Method m, Object[] args) {
                if (m.name in ['prepareStatement', 'prepareCall'] && args?.length > 0 && args[0] instanceof String) {
                    check(pool, (String) args[0])
                }
                def result = call(connection, m, args)
                m.name == 'createStatement' ? guarded(pool, (Statement) result) : result
            }
        }) as Connection
    }

    private static Statement guarded(DataSource pool, Statement statement) {
        Proxy.newProxyInstance(TenantConditionGuard.classLoader, [Statement] as Class[], new InvocationHandler() {
            Object invoke(Object proxy, Method m, Object[] args) {
                if (m.name.startsWith('execute') || m.name == 'addBatch') {
                    if (args?.length > 0 && args[0] instanceof String) {
                        check(pool, (String) args[0])
                    }
                }
                call(statement, m, args)
            }
        }) as Statement
    }

    private static void check(DataSource pool, String sql) {
        if (OFF.get()) {
            return
        }
        def unpinned = rule(pool).unpinned(sql)
        if (unpinned) {
            def line = "${unpinned.join(', ')}\t${sql.replaceAll(/\s+/, ' ').trim()}\n"
            synchronized (TenantConditionGuard) {
                Files.createDirectories(VIOLATIONS.parent)
                Files.writeString(VIOLATIONS, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
            }
            if (ENFORCE) {
                throw new SQLException("statement on tenant table(s) ${unpinned} without an explicit tenant condition " +
                        "(add tenant_id = ? or say /* ${TenantConditions.MARKER} why */): ${sql}")
            }
        }
    }

    /**
     * The tables with a tenant_id column, read from the database itself once it has them (the first statements of a
     * start can come before the migrations).
     */
    static TenantConditions rule(DataSource pool) {
        if (rule == null) {
            synchronized (TenantConditionGuard) {
                if (rule == null) {
                    pool.connection.withCloseable { c ->
                        def tables = []
                        c.createStatement().executeQuery("""
                                select table_name from information_schema.columns
                                where table_schema = 'public' and column_name = 'tenant_id'""").withCloseable { rs ->
                            while (rs.next()) {
                                tables << rs.getString(1)
                            }
                        }
                        if (tables) {
                            rule = new TenantConditions(tables)
                        }
                    }
                }
            }
        }
        rule ?: new TenantConditions([])
    }

    private static InvocationHandler forward(Object target, Closure after) {
        new InvocationHandler() {
            Object invoke(Object proxy, Method m, Object[] args) {
                after(m, call(target, m, args))
            }
        }
    }

    private static Object call(Object target, Method m, Object[] args) {
        try {
            m.invoke(target, args)
        } catch (InvocationTargetException e) {
            throw e.cause
        }
    }
}
