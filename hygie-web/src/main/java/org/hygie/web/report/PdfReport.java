package org.hygie.web.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Prints the report's XHTML to PDF (openhtmltopdf on PDFBox), with a system font that has every accent. */
public final class PdfReport {
    /** Regular and bold faces looked for, first found wins: Debian/Ubuntu, Fedora, Windows, macOS. */
    private static final List<String[]> FONTS = List.of(
            new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
            new String[] {"/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf", "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"},
            new String[] {"C:\\Windows\\Fonts\\arial.ttf", "C:\\Windows\\Fonts\\arialbd.ttf"},
            new String[] {"/System/Library/Fonts/Supplemental/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf"});

    private PdfReport() {
    }

    public static void write(String xhtml, OutputStream out) throws IOException {
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        for (String[] pair : FONTS) {
            File regular = new File(pair[0]);
            File bold = new File(pair[1]);
            if (regular.isFile()) {
                // Registered under the first family name the stylesheet asks for.
                b.useFont(regular, "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
                if (bold.isFile()) {
                    b.useFont(bold, "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
                }
                break;
            }
        }
        b.withHtmlContent(xhtml, null);
        b.toStream(out);
        b.run();
    }
}
