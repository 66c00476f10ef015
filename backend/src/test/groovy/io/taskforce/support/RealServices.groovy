package io.taskforce.support

import java.lang.annotation.ElementType
import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy
import java.lang.annotation.Target

/** Marks a spec that needs the real PostgreSQL and Keycloak (and, through SharedApplication, the running application). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface RealServices {
}
