package io.taskforce.platform.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URL;
import java.util.Optional;

/**
 * Deep links of the single-page app ({@code /cases/42}) have no file behind them: a browser asking for a
 * page that does not exist gets {@code index.html} and the app's router takes over. API and asset paths
 * keep their plain 404.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class SpaFallback {

    private final Optional<URL> indexHtml;
    private final ErrorResponseProcessor<?> errors;

    SpaFallback(ResourceResolver resources, ErrorResponseProcessor<?> errors) {
        this.indexHtml = resources.getResource("classpath:public/index.html");
        this.errors = errors;
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        if (isPageNavigation(request) && indexHtml.isPresent()) {
            return HttpResponse.ok(new StreamedFile(indexHtml.get())).contentType(MediaType.TEXT_HTML_TYPE);
        }
        return errors.processResponse(ErrorContext.builder(request).build(), HttpResponse.notFound());
    }

    private static boolean isPageNavigation(HttpRequest<?> request) {
        String path = request.getPath();
        return request.getMethod() == HttpMethod.GET
                && !path.startsWith("/api/") && !path.startsWith("/health") && !path.startsWith("/openapi")
                && !path.substring(path.lastIndexOf('/') + 1).contains(".")
                && request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
    }
}
