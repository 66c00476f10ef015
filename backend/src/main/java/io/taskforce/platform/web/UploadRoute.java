package io.taskforce.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route that takes a file (evidence, a CSV export): its body may reach {@code taskforce.http.upload-max-bytes};
 * every other route takes {@code taskforce.http.json-max-bytes}. See {@link BodyLimitFilter}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UploadRoute {
}
