package health.limber.waitinglist.web;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.waitinglist.internal.ImportMode;
import health.limber.waitinglist.internal.ImportSummary;
import health.limber.waitinglist.internal.WaitingListImport;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The waiting-list file upload: all-or-nothing or quarantine, or a dry run that changes nothing. */
@Controller
class WaitingListImportController {

    private final WaitingListImport importer;
    private final CurrentActor currentActor;

    WaitingListImportController(WaitingListImport importer, CurrentActor currentActor) {
        this.importer = importer;
        this.currentActor = currentActor;
    }

    @GetMapping("/waiting-list/import")
    String importForm() {
        return "waitinglist/import";
    }

    @PostMapping("/waiting-list/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                      @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("errors", Map.of("file", "Select a CSV file to upload"));
            return "waitinglist/import";
        }
        try (InputStream in = file.getInputStream()) {
            Actor actor = currentActor.get();
            ImportSummary summary = importer.run(in, mode, dryRun, problem -> { }, bytes -> { },
                    WaitingListImport.Importer.staff(actor.username(), actor.organisationCode(), actor.servedIcbs()));
            model.addAttribute("summary", summary);
            model.addAttribute("fileName", file.getOriginalFilename());
        }
        return "waitinglist/import";
    }
}
