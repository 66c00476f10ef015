package io.taskforce.reputation

import io.taskforce.platform.pdf.PdfRenderer
import io.taskforce.reputation.ReputationViews.ClientActionView
import io.taskforce.reputation.ReputationViews.QueryMetrics
import io.taskforce.reputation.ReputationViews.SnapshotMetrics
import org.apache.pdfbox.Loader
import org.apache.pdfbox.text.PDFTextStripper
import spock.lang.Specification

import java.time.LocalDate

/**
 * The PDF progress report: the SVG chart's geometry by hand (480 × 160, padding 24: x from 24 to 456, a share of 0 at
 * y 148 and of 1 at y 12), and the document read back in both languages, with no internal note possible.
 */
class SerpReportSpec extends Specification {

    static final List<SnapshotMetrics> WEEKS = [
            new SnapshotMetrics(LocalDate.of(2026, 3, 2), 10, 12, 0.5d, true, 0.4761d),
            new SnapshotMetrics(LocalDate.of(2026, 3, 9), 0, 1, 1.0d, false, 0.0007d)]

    def "a line through two snapshots runs from the left edge to the right one, 10 negatives half-way up"() {
        expect:
        SerpChartSvg.line(WEEKS, { (it.negativesTop10() / 20.0) as double }, '#c62828', '') ==
                '<polyline fill="none" stroke="#c62828" stroke-width="1.5" points="24.0,80.0 456.0,148.0"/>'
        SerpChartSvg.line(WEEKS, { it.ownedShareTop10() }, '#2e7d32', '').contains('points="24.0,80.0 456.0,12.0"')
        SerpChartSvg.line(WEEKS.take(1), { it.ownedShareTop10() }, '#2e7d32', '') == '<circle cx="24.0" cy="80.0" r="2.5" fill="#2e7d32"/>'
        SerpChartSvg.line([], { 0d }, '#000', '') == ''
    }

    def "the report in #lang names the case, the verdict, each week's figures and the actions' states"() {
        given:
        def query = new QueryMetrics('helio cloud incendie', UUID.randomUUID(), 'google', 'fr-FR', null, LocalDate.of(2026, 3, 9), WEEKS)
        def action = new ClientActionView(UUID.randomUUID(), CleanupKind.DELISTING, 'Article <presse>', CleanupStatus.SUBMITTED,
                LocalDate.of(2026, 3, 3), LocalDate.of(2026, 4, 3), [])

        when:
        def pdf = new PdfRenderer().render(SerpReport.xhtml(lang, 'Incendie Helio Cloud', null, null, [query], [action]))
        def text = Loader.loadPDF(pdf).withCloseable { new PDFTextStripper().getText(it) }

        then:
        new String(pdf, 0, 5) == '%PDF-'
        text.contains('Incendie Helio Cloud')
        text.contains(verdict)
        text.contains('2026-03-09')
        text.contains('47.6 %')
        text.contains('Article <presse>')
        text.contains(state)

        where:
        lang || verdict                                   | state
        'fr' || 'Sortie de crise'                         | 'envoyée'
        'en' || 'Out of crisis'                           | 'submitted'
    }

    def "any language but English gets the French report"() {
        expect:
        SerpReport.language(asked) == expected

        where:
        asked || expected
        'en'  || 'en'
        'fr'  || 'fr'
        null  || 'fr'
        'de'  || 'fr'
    }
}
