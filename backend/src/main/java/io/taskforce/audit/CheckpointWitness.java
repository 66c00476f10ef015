package io.taskforce.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Optionally sends each new checkpoint to a witness (taskforce.audit.witness-url), as the line an export carries
 * (the signed text and its signature): a third party that keeps what was signed, beyond the reach of anyone who runs this platform. Called after the checkpoint's transaction
 * committed; a witness that does not answer is logged, and the next checkpoint (which vouches for everything
 * before it) goes to it again.
 */
@Singleton
final class CheckpointWitness {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWitness.class);

    private final URI url;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CheckpointWitness(@Value("${taskforce.audit.witness-url:}") String url,
                      @Value("${taskforce.local-run:false}") boolean localRun) {
        this.url = url == null || url.isBlank() ? null : URI.create(url);
        if (this.url != null && !"https".equals(this.url.getScheme()) && !localRun) {
            throw new ConfigurationException("taskforce.audit.witness-url (AUDIT_WITNESS_URL) must be an https URL");
        }
    }

    void send(Checkpoint checkpoint) {
        if (url == null) {
            return;
        }
        try {
            var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(checkpoint.exportLine())).build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                LOG.warn("The audit witness answered {} to the checkpoint of {} at {}", status, checkpoint.chain(),
                        checkpoint.seq());
            }
        } catch (IOException e) {
            LOG.warn("The audit witness could not be reached for the checkpoint of {} at {}: {}", checkpoint.chain(),
                    checkpoint.seq(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
