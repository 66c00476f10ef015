package io.taskforce.reputation;

import io.taskforce.platform.pdf.Xhtml;
import io.taskforce.reputation.ReputationViews.SnapshotMetrics;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A query's trend as an SVG line chart for the PDF report (openhtmltopdf draws SVG through Batik; a browser chart
 * library cannot run on the server). Negatives on page one (red) and on pages one and two (orange, dashed) on a 0–20
 * scale; owned share of page one (green) on a 0–100% scale drawn over the same height. Pure string work.
 */
final class SerpChartSvg {

    static final int WIDTH = 480;
    static final int HEIGHT = 160;
    private static final int PAD = 24;

    private SerpChartSvg() {
    }

    static String of(List<SnapshotMetrics> snapshots, String label) {
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Xhtml.escape(label)).append("\">");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#ffffff\"/>");
        for (int v = 0; v <= 20; v += 5) {
            double y = y(v / 20.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\" stroke-width=\"0.5\"/>",
                    PAD, y, WIDTH - PAD, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%.1f\" font-size=\"8\" fill=\"#666666\">%d</text>", y + 3, v));
        }
        svg.append(line(snapshots, s -> s.negativesTop10() / 20.0, "#c62828", ""));
        svg.append(line(snapshots, s -> s.negativesTop20() / 20.0, "#ef6c00", " stroke-dasharray=\"4,3\""));
        svg.append(line(snapshots, SnapshotMetrics::ownedShareTop10, "#2e7d32", ""));
        return svg.append("</svg>").toString();
    }

    /** A polyline through the snapshots, evenly spaced left to right; one snapshot is drawn as a dot. */
    static String line(List<SnapshotMetrics> snapshots, ToDoubleFunction<SnapshotMetrics> share, String colour, String extra) {
        if (snapshots.isEmpty()) {
            return "";
        }
        if (snapshots.size() == 1) {
            return String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", x(0, 1),
                    y(share.applyAsDouble(snapshots.get(0))), colour);
        }
        var points = new StringBuilder();
        for (int i = 0; i < snapshots.size(); i++) {
            points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x(i, snapshots.size()),
                    y(share.applyAsDouble(snapshots.get(i)))));
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\"" + extra + " points=\"" + points + "\"/>";
    }

    static double x(int index, int count) {
        return count <= 1 ? PAD : PAD + index * (WIDTH - 2.0 * PAD) / (count - 1);
    }

    /** A share from 0 (bottom) to 1 (top). */
    static double y(double share) {
        return HEIGHT - PAD / 2.0 - Math.max(0, Math.min(1, share)) * (HEIGHT - PAD);
    }
}
