package health.limber.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.limber.platform.InvalidInputException;
import health.limber.referral.internal.AttachmentUpload;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AttachmentUploadTests {

    static final DataSize LIMIT = DataSize.ofMegabytes(10);

    @Test
    void theTypeIsReadFromTheFirstBytesNotTheName() {
        assertThat(new AttachmentUpload("a.png", "%PDF-1.7 rest".getBytes()).check("letter", LIMIT)).isEqualTo("application/pdf");
        assertThat(new AttachmentUpload("a.pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}).check("letter", LIMIT))
                .isEqualTo("image/png");
        assertThat(new AttachmentUpload("a.pdf", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}).check("letter", LIMIT))
                .isEqualTo("image/jpeg");
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new AttachmentUpload("letter.pdf", "MZ program".getBytes()).check("letter", LIMIT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be a PDF, PNG or JPG")
                .extracting("field").isEqualTo("letter");
        assertThatThrownBy(() -> new AttachmentUpload("short.pdf", "%PD".getBytes()).check("letter", LIMIT))
                .hasMessageContaining("must be a PDF, PNG or JPG");
    }

    @Test
    void emptyAndOversizeFilesAreRefused() {
        assertThatThrownBy(() -> new AttachmentUpload("e.pdf", new byte[0]).check("file", LIMIT)).hasMessage("The selected file is empty");
        byte[] over = new byte[(int) DataSize.ofMegabytes(1).toBytes() + 1];
        over[0] = '%'; over[1] = 'P'; over[2] = 'D'; over[3] = 'F'; over[4] = '-';
        assertThatThrownBy(() -> new AttachmentUpload("big.pdf", over).check("file", DataSize.ofMegabytes(1)))
                .hasMessage("The selected file must be smaller than 1 MB");
        byte[] exactly = java.util.Arrays.copyOf(over, over.length - 1);
        assertThat(new AttachmentUpload("ok.pdf", exactly).check("file", DataSize.ofMegabytes(1))).isEqualTo("application/pdf");
    }

    @Test
    void theNameKeepsNoPathOrControlCharacters() {
        assertThat(new AttachmentUpload("C:\\Users\\me\\..\\letter\u0007.pdf", new byte[1]).filename()).isEqualTo("letter.pdf");
        assertThat(new AttachmentUpload("../../etc/passwd", new byte[1]).filename()).isEqualTo("passwd");
        assertThat(new AttachmentUpload("  ", new byte[1]).filename()).isEqualTo("letter");
    }
}
