package io.taskforce.support

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.spockframework.runtime.extension.IGlobalExtension
import org.spockframework.runtime.model.SpecInfo

/** Starts PostgreSQL and Keycloak before the first spec that needs them (any @RealServices or @MicronautTest spec). */
class RealServicesExtension implements IGlobalExtension {

    @Override
    void visitSpec(SpecInfo spec) {
        if (spec.isAnnotationPresent(MicronautTest) || spec.isAnnotationPresent(RealServices)) {
            spec.addSetupSpecInterceptor { invocation ->
                TestServices.start()
                invocation.proceed()
            }
        }
    }
}
