package health.limber.exercise.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import health.limber.exercise.Programme;
import health.limber.exercise.ProgrammeId;
import health.limber.exercise.ProgrammeManagement;
import health.limber.identity.StaffAccounts;
import health.limber.organisation.Organisations;
import health.limber.patient.PatientBanner;
import health.limber.patient.PatientManagement;
import health.limber.platform.PdfDocuments;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Service;

/**
 * The printed handout of a programme: the same exercises, doses and words as the app, pictures
 * from the demonstration's key frames, a QR code to the app, and a large-print version. Rendered
 * from a Thymeleaf template to PDF with openhtmltopdf.
 */
@Service
public class Handouts {

    private final ProgrammeManagement programmes;
    private final ExerciseLibrary library;
    private final PdfDocuments pdfs;
    private final PatientManagement patients;
    private final StaffAccounts staff;
    private final Organisations organisations;

    Handouts(ProgrammeManagement programmes, ExerciseLibrary library, PdfDocuments pdfs, PatientManagement patients, StaffAccounts staff,
             Organisations organisations) {
        this.programmes = programmes;
        this.library = library;
        this.pdfs = pdfs;
        this.patients = patients;
        this.staff = staff;
        this.organisations = organisations;
    }

    /**
     * Who the handout is for and whom to call: the patient's name (and NHS number, so a printed sheet
     * left at a hub finds its owner), the clinician who set the programme, the service and its phone.
     */
    public record Contact(PatientBanner patient, String clinician, String service, String phone) {}

    private Contact contact(Programme programme) {
        String setBy = programme.history().isEmpty() ? null : programme.history().get(programme.history().size() - 1).by();
        var clinician = setBy == null ? java.util.Optional.<health.limber.identity.StaffUser>empty() : staff.findByUsername(setBy);
        String organisation = clinician.map(health.limber.identity.StaffUser::organisationCode).orElse(null);
        return new Contact(patients.banner(programme.patientId()), clinician.map(health.limber.identity.StaffUser::displayName).orElse(null),
                organisation == null ? null : organisations.providerName(organisation).orElse(null),
                organisation == null ? null : organisations.providerPhone(organisation).orElse(null));
    }

    /** One exercise as printed: its words, dose and key-frame pictures. */
    public record Page(Exercise exercise, Programme.Item item, List<String> pictures) {}

    public byte[] pdf(UUID programmeId, boolean largePrint, String appUrl) {
        Programme programme = programmes.read(ProgrammeId.of(programmeId));
        List<Page> pages = new ArrayList<>();
        for (Programme.Item item : programme.items()) {
            Exercise exercise = library.read(item.exerciseId(), ExerciseLibrary.ENGLISH);
            List<String> pictures = new ArrayList<>();
            for (int pose = 0; pose < exercise.animation().poses().size(); pose++) {
                pictures.add(FigureImages.dataUri(exercise, pose, 300));
            }
            pages.add(new Page(exercise, item, pictures));
        }
        return pdfs.render("exercise/handout", java.util.Map.of("programme", programme, "pages", pages, "large", largePrint, "appUrl", appUrl,
                "qr", qr(appUrl), "contact", contact(programme)), appUrl);
    }

    static String qr(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240);
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("Cannot draw the QR code", e);
        }
    }
}
