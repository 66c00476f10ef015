package io.taskforce.legal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a notice to a platform must carry under DSA art. 16(2): the exact electronic location of the content (its
 * URLs), a sufficiently substantiated explanation of why it is illegal, the name and e-mail address of the notifier,
 * and a statement of good faith. Pure: it names what is missing; the service refuses to send a notice that lacks any.
 */
public final class NoticeCheck {

    /** Below this, reasons are not a substantiated explanation. */
    static final int MIN_REASONS = 40;

    public enum Missing { EXACT_URLS, REASONS, IDENTITY, GOOD_FAITH }

    private NoticeCheck() {
    }

    public static List<Missing> dsaArticle16(List<String> urls, String reasons, String identity, boolean goodFaith) {
        var missing = new ArrayList<Missing>();
        if (urls.isEmpty() || !urls.stream().allMatch(NoticeCheck::exactUrl)) {
            missing.add(Missing.EXACT_URLS);
        }
        if (reasons == null || reasons.strip().length() < MIN_REASONS) {
            missing.add(Missing.REASONS);
        }
        if (identity == null || identity.isBlank() || !identity.matches("(?s).*\\S+@\\S+\\.\\S+.*")) {
            missing.add(Missing.IDENTITY);
        }
        if (!goodFaith) {
            missing.add(Missing.GOOD_FAITH);
        }
        return missing;
    }

    /** An absolute http(s) URL naming a page, not only a site: a host alone does not locate the content. */
    static boolean exactUrl(String url) {
        try {
            var uri = new URI(url.strip());
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && (path.length() > 1 || uri.getRawQuery() != null);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
