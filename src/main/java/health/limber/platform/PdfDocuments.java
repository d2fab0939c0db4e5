package health.limber.platform;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a Thymeleaf template (well-formed XHTML with its own print styles) to PDF with openhtmltopdf. */
@Component
public class PdfDocuments {

    private final TemplateEngine templates;

    PdfDocuments(TemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(String template, Map<String, Object> variables, String baseUri) {
        Context context = new Context();
        context.setVariables(variables);
        String html = templates.process(template, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder().useFastMode().withHtmlContent(html, baseUri).toStream(out).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
