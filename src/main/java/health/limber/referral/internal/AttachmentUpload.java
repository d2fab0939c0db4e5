package health.limber.referral.internal;

import health.limber.platform.InvalidInputException;
import java.util.Arrays;
import org.springframework.util.unit.DataSize;

/**
 * A file sent with a referral (the referrer's letter, a scan or a photo of it), checked before
 * anything is stored. The type is read from the file's first bytes, never from its name or the
 * browser's claim, so a renamed program is refused. Virus scanning is the storage's job in a
 * deployment (an antivirus gateway in front of the bucket); the size limit is enforced here.
 */
public record AttachmentUpload(String filename, byte[] content) {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    public AttachmentUpload {
        filename = cleanName(filename);
        content = content == null ? new byte[0] : content;
    }

    /** The checked content type, or a message for {@code field} a person can act on. */
    public String check(String field, DataSize limit) {
        if (content.length == 0) {
            throw new InvalidInputException(field, "The selected file is empty");
        }
        if (content.length > limit.toBytes()) {
            throw new InvalidInputException(field, "The selected file must be smaller than " + megabytes(limit));
        }
        if (startsWith(PDF)) {
            return "application/pdf";
        }
        if (startsWith(PNG)) {
            return "image/png";
        }
        if (startsWith(JPEG)) {
            return "image/jpeg";
        }
        throw new InvalidInputException(field, "The selected file must be a PDF, PNG or JPG (" + filename
                                               + " is not one of these, or cannot be read)");
    }

    private boolean startsWith(byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static String megabytes(DataSize limit) {
        return limit.toMegabytes() + " MB";
    }

    /** Keeps a name safe to show and to offer back as a download: no paths, no control characters. */
    private static String cleanName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            base = "letter";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
