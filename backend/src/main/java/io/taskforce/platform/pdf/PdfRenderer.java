package io.taskforce.platform.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns an XHTML document into a PDF (openhtmltopdf on PDFBox; inline {@code <svg>} drawn by Batik, so reports can
 * carry charts). The caller builds the document with {@link Xhtml} so every value is escaped. Reports are rendered
 * outside database transactions: read first, then render.
 */
@Singleton
public class PdfRenderer {

    public byte[] render(String xhtml) {
        var out = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
        return out.toByteArray();
    }
}
