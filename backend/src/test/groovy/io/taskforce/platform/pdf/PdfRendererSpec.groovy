package io.taskforce.platform.pdf

import org.apache.pdfbox.Loader
import org.apache.pdfbox.text.PDFTextStripper
import spock.lang.Specification

class PdfRendererSpec extends Specification {

    def renderer = new PdfRenderer()

    def "a document with accents, escaped input and an SVG chart renders to a PDF whose text can be read back"() {
        given:
        def hostile = '<script>alert("x")</script> & « Incendie à Strasbourg »'
        def body = "<h1>${Xhtml.escape('Rapport de crise — Helio Cloud')}</h1><p>${Xhtml.escape(hostile)}</p>" +
                '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><rect x="0" y="0" width="120" height="40" fill="#c0392b"/></svg>'

        when:
        def pdf = renderer.render(Xhtml.page('fr', 'Rapport', '', body))
        def text = Loader.loadPDF(pdf).withCloseable { new PDFTextStripper().getText(it) }

        then:
        new String(pdf, 0, 5) == '%PDF-'
        text.contains('Rapport de crise — Helio Cloud')
        text.contains('<script>alert("x")</script> & « Incendie à Strasbourg »')
    }

    def "escape leaves no markup and drops characters XML forbids"() {
        expect:
        Xhtml.escape(input) == expected

        where:
        input              || expected
        null               || ''
        'a < b & c > "d"'  || 'a &lt; b &amp; c &gt; &quot;d&quot;'
        "l'été"            || 'l&#39;été'
        "bell\u0007end"    || 'bellend'
        "two\nlines"       || "two\nlines"
    }
}
