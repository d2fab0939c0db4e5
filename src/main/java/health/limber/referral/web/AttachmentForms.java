package health.limber.referral.web;

import health.limber.referral.internal.AttachmentUpload;
import health.limber.referral.internal.ReferralAttachments.StoredAttachment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Turns uploaded parts into {@link AttachmentUpload}s and stored letters into downloads, for the page and the API. */
final class AttachmentForms {

    private AttachmentForms() {}

    /** The most a letter may be: anything larger is refused by its size before a byte of it is read into memory. */
    static final long MOST_READ = org.springframework.util.unit.DataSize.ofMegabytes(10).toBytes();

    /** A browser sends an empty part with no name when no file was chosen: that is "no letter", not an empty file. */
    static List<AttachmentUpload> uploads(MultipartFile file) throws IOException {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
            return List.of();
        }
        if (file.getSize() > MOST_READ) {
            throw new health.limber.platform.InvalidInputException("file", "The selected file must be smaller than 10 MB");
        }
        return List.of(new AttachmentUpload(file.getOriginalFilename(), file.getBytes()));
    }

    /** Always a download, never shown inline, so a crafted file cannot run in Limber's origin. */
    static ResponseEntity<InputStreamResource> download(StoredAttachment stored) {
        var attachment = stored.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(attachment.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(stored.content()));
    }
}
