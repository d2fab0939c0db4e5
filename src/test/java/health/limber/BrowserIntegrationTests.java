package health.limber;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import health.limber.clinic.ClinicFixtures;
import health.limber.identity.AccessCodes;
import health.limber.patient.PatientId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End to end in Debian's Chromium: a clinician finds a patient and the patient sees that read; a
 * manager plans and publishes a clinic day; a patient follows and logs exercises; people refer
 * themselves by keyboard.
 */
@IntegrationTest
class BrowserIntegrationTests extends BrowserTest {

    @Autowired DemoFixtures demo;
    @Autowired AccessCodes accessCodes;
    @Autowired ClinicFixtures clinic;
    @Autowired TestClock clock;
    @Autowired health.limber.exercise.ProgrammeManagement programmes;
    @Autowired health.limber.identity.CurrentActor currentActor;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aClinicianFindsAPatientByNhsNumberAndThePatientSeesThatRead() {
        var patient = demo.patient("QHL", 1);
        String formatted = patient.nhsNumber().substring(0, 3) + " " + patient.nhsNumber().substring(3, 6) + " "
                + patient.nhsNumber().substring(6);

        try (BrowserContext staff = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = staff.newPage();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill("clinician.qhl");
            page.getByLabel("Password").fill(DemoFixtures.PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.locator("h1")).containsText("Hello");

            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Find a patient").setExact(true)).first().click();
            page.getByLabel("NHS number").fill(formatted);
            page.locator("form:has(#nhsNumber) button").click();
            assertThat(page.locator("#results")).containsText(formatted);
            page.locator("#results a").first().click();
            assertThat(page.locator("h1")).isVisible();
            assertThat(page.locator("main")).containsText(formatted);
        }

        String code = accessCodes.issue(patient.id(), "browser-test").code();
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            signInPatient(page, patient, code);
            page.navigate(url("/my/record-access"));
            assertThat(page.locator("table")).containsText("Sam Okoro");
            assertThat(page.locator("table")).containsText("Opened your record");
            assertThat(page.locator("table")).containsText("Found your record in a search");
        }
    }

    @Test
    void aManagerPlansAClinicDayFixesAClashAndPublishesAndThePatientSeesTheItineraryOnAPhone() {
        var patient = demo.patient("QHL", 2);
        var first = clinic.waitingReferral(patient.id(), "PHYSIO");
        var second = clinic.waitingReferral(null, "PHYSIO");
        clinic.onlyTheseWait(List.of(first, second));
        var hub = clinic.newHub();
        String date = java.time.LocalDate.now(clock).plusDays(45).toString();

        try (BrowserContext staff = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = staff.newPage();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill("manager.qhl");
            page.getByLabel("Password").fill(DemoFixtures.PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.navigate(url("/clinic-days"));
            page.selectOption("#hub", hub.toString());
            page.fill("#day", date);
            page.fill("#offer", "2");
            page.getByText("Open the clinic day").click();
            assertThat(page.locator("h1")).containsText("One-stop clinic");

            page.locator("#plan-day").click();
            assertThat(page.locator("[role=status]")).containsText("Planned: 2 of 2 people get their whole visit");
            var rows = page.locator("#appointments ~ div table tbody tr");
            String firstStart = rows.nth(0).locator("td").nth(0).textContent().substring(0, 5);
            String firstRoom = rows.nth(0).locator("td").nth(4).textContent().strip();

            rows.nth(1).locator("a").click();
            page.selectOption("#start", firstStart);
            page.selectOption("#room", new SelectOption().setLabel(firstRoom + " (step-free)"));
            page.locator("#move").click();
            assertThat(page.locator("#violations")).isVisible();
            assertThat(page.locator("#violations")).containsText("double-booked");
            assertThat(page.locator("rect.tl-broken")).hasCount(2);

            page.locator("#undo").click();
            assertThat(page.locator("#violations")).hasCount(0);
            page.locator("#publish").click();
            assertThat(page.locator("[role=status]")).containsText("Published: 2 appointments booked");
            assertThat(page.locator("h1")).containsText("Published");
        }

        String code = accessCodes.issue(patient.id(), "browser-test").code();
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            signInPatient(page, patient, code);
            page.navigate(url("/my/clinic-day"));
            assertThat(page.locator("main")).containsText("Test hub " + hub);
            assertThat(page.locator("main")).containsText("Please arrive by");
            assertThat(page.locator("main")).containsText("Physiotherapy assessment");
            org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
                    .as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);
        }
    }


    @Test
    void aPatientFollowsAnExerciseLogsOneOnlineAndOneOfflineAndTheClinicianSeesBothOnce() {
        // a patient of another ICB, so no other test's programme is theirs
        String icb = jdbc.queryForObject("select code from icb where code <> 'QHL' order by code fetch first 1 rows only", String.class);
        var patient = demo.patient(icb, 0);
        String username = "clinician." + icb.toLowerCase();
        String organisation = jdbc.queryForObject("select organisation_code from staff_user where username = ?", String.class, username);
        var clinician = new health.limber.identity.Actor(username, "Clinician", health.limber.identity.Role.CLINICIAN, organisation,
                java.util.Set.of(icb), null);
        UUID programme = currentActor.runAs(clinician, () -> programmes.create(PatientId.of(patient.id()), "ankle-fracture-after-cast", java.time.LocalDate.now(clock), null, null)).value();
        String code = accessCodes.issue(patient.id(), "browser-test").code();
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            signInPatient(page, patient, code);
            page.navigate(url("/my/exercises"));
            page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
            page.navigate(url("/my/exercises"));
            page.locator("a.limber-today__link").first().click();
            assertThat(page.locator("h1")).containsText("Ankle pumps");

            // follow along with the counter, then log it online: the form moves on to the next exercise
            page.locator("#counter-button").click();
            page.locator("#counter-button").click();
            assertThat(page.locator("#counter-value")).hasText("1");
            page.locator("#outcome-DONE").check();
            page.locator("#pain").selectOption("2");
            page.locator("#log button[type=submit]").click();
            assertThat(page.locator("h1")).containsText("Ankle alphabet");

            // the next one offline, then the button pressed again: the form was cleared, so nothing more is queued
            phone.setOffline(true);
            page.locator("#outcome-DONE").check();
            page.locator("#log button[type=submit]").click();
            assertThat(page.locator("#offline-status")).containsText("Saved on this phone");
            page.locator("#log button[type=submit]").click();
            assertThat(page.locator("#offline-status")).containsText("Say whether you did the exercise");
            org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from session_log where programme_id = ?", Integer.class, programme)).isEqualTo(1);

            phone.setOffline(false);
            page.evaluate("() => window.dispatchEvent(new Event('online'))");
            assertThat(page.locator("#offline-status")).containsText("Your saved logs have been sent");
            org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from session_log where programme_id = ?", Integer.class, programme))
                    .as("the online log and the offline one are two logs").isEqualTo(2);

            page.setViewportSize(320, 700);
            for (String path : java.util.List.of("/my/exercises", "/my/exercises/ankle-pumps", "/my/exercises/history")) {
                page.navigate(url(path));
                org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
                        .as("no sideways scrolling at 320 px on " + path).isLessThanOrEqualTo(320);
            }
        }

        try (BrowserContext staff = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = staff.newPage();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill(username);
            page.getByLabel("Password").fill(DemoFixtures.PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.navigate(url("/programmes/" + programme));
            assertThat(page.locator("li", new Page.LocatorOptions().setHasText("Ankle pumps – Done"))).hasCount(1);
            assertThat(page.locator("li", new Page.LocatorOptions().setHasText("Ankle alphabet – Done"))).hasCount(1);
        }
    }

    /** Presses Tab until the element matching {@code css} has the focus: the page is used with a keyboard alone. */
    static void tabTo(Page page, String css) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.evaluate("s => document.activeElement && document.activeElement.matches(s)", css)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + css + " on " + page.url());
    }

    static void type(Page page, String css, String text) {
        tabTo(page, css);
        page.keyboard().type(text);
    }

    static void tick(Page page, String css) {
        tabTo(page, css);
        page.keyboard().press("Space");
    }

    static void continueWithKeyboard(Page page) {
        tabTo(page, "button[type=submit]");
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
    }

    /** Answers the self-referral up to the red-flag pages at 390 px, keyboard only. */
    static void startSelfReferral(Page page, String base, String familyName) {
        page.navigate(base + "/self-referral");
        tabTo(page, "a.nhsuk-button--start");
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
        type(page, "#birthDate-day", "14");
        type(page, "#birthDate-month", "2");
        type(page, "#birthDate-year", "1979");
        continueWithKeyboard(page);
        type(page, "#practiceSearch", "Y01001");
        continueWithKeyboard(page);
        tick(page, "#gpPracticeCode");
        continueWithKeyboard(page);
        type(page, "#givenName", "Kim");
        type(page, "#familyName", familyName);
        continueWithKeyboard(page);
        continueWithKeyboard(page); // NHS number: left blank
        type(page, "#phone", "07700 900111");
        continueWithKeyboard(page);
        tick(page, "#bodySites");
        continueWithKeyboard(page);
        tick(page, "#symptomDuration");
        continueWithKeyboard(page);
    }

    @Test
    void anUrgentRedFlagAnsweredAndTheBrowserClosedLeavesATask() {
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            startSelfReferral(page, url(""), "Closedearly");
            tick(page, "#emergency-NONE");
            continueWithKeyboard(page);
            tick(page, "#urgent-CANCER_HISTORY");
            continueWithKeyboard(page);
            assertThat(page.locator("h1")).containsText("Contact your GP or NHS 111 today");
            assertThat(page.locator("main")).containsText("Your reference is");
            org.assertj.core.api.Assertions.assertThat(seriousAccessibilityProblems(page)).isEmpty();
        }
        // the browser is closed: nothing more was sent
        var task = jdbc.queryForMap("""
                select t.level, t.status from red_flag_task t join referral r on r.id = t.referral_id where r.family_name = 'Closedearly'""");
        org.assertj.core.api.Assertions.assertThat(task).containsEntry("level", "URGENT").containsEntry("status", "OPEN");
    }

    @Test
    void aPersonRefersThemselvesByKeyboardAnotherIsSentToUrgentCareAndTheClinicianSeesBothInOrder() {
        String routine = "Keyboardroutine";
        String emergency = "Keyboardemergency";
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            startSelfReferral(page, url(""), routine);
            assertThat(page.locator("h1")).containsText("Do you have any of these symptoms?");
            tick(page, "#emergency-NONE");
            continueWithKeyboard(page);
            tick(page, "#urgent-NONE");
            continueWithKeyboard(page);
            for (int item = 1; item <= 9; item++) {
                assertThat(page.locator(".nhsuk-caption-m")).containsText("How it affects you, question " + item + " of 9");
                tick(page, "#question-" + item);
                continueWithKeyboard(page);
            }
            tick(page, "#workStatus");
            continueWithKeyboard(page);
            type(page, "#daysOffWork", "3");
            continueWithKeyboard(page);
            tick(page, "#support");
            continueWithKeyboard(page);
            tabTo(page, "#interpreterNeeded");
            page.keyboard().press("ArrowDown"); // radios: the arrow keys move to "No" and select it
            continueWithKeyboard(page);
            tick(page, "#accessibilityNeeds-NONE");
            continueWithKeyboard(page);
            tick(page, "#consentToContact");
            continueWithKeyboard(page);
            assertThat(page.locator("h1")).containsText("Check your answers");
            page.reload();
            assertThat(page.locator("h1")).containsText("Check your answers");
            continueWithKeyboard(page);
            assertThat(page.locator("h1")).containsText("Referral sent");
            assertThat(page.locator(".nhsuk-panel__body")).containsText("MSK-");
        }
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            startSelfReferral(page, url(""), emergency);
            tick(page, "#emergency-CES_SADDLE_NUMBNESS");
            continueWithKeyboard(page);
            assertThat(page.locator("h1")).containsText("Go to A&E now or call 999");
        }
        try (BrowserContext staff = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = staff.newPage();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill("clinician.qhl");
            page.getByLabel("Password").fill(DemoFixtures.PASSWORD);
            page.waitForNavigation(() -> page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign in")).click());
            page.navigate(url("/referrals?source=SELF"));
            assertThat(page.locator("h1")).containsText("Triage worklist");
            var names = page.locator("tbody tr td:nth-child(2) a").allInnerTexts();
            int emergencyAt = names.indexOf("Kim " + emergency);
            int routineAt = names.indexOf("Kim " + routine);
            org.assertj.core.api.Assertions.assertThat(emergencyAt).isGreaterThanOrEqualTo(0);
            org.assertj.core.api.Assertions.assertThat(routineAt).isGreaterThan(emergencyAt);
        }
    }

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    /** A GP referral received some weeks ago, sent through the API by clinician.qhl, with the person's own fields; returns the reply. */
    String gpReferral(int weeksAgo, String nhsNumber, String personFields) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/referrals")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("clinician.qhl",
                                DemoFixtures.PASSWORD))
                        .contentType("application/json").content("""
                                {"source": "GP", "receivedOn": "%s", "gpPracticeCode": "Y01001", "nhsNumber": "%s",
                                 "symptomDuration": "UNDER_6_WEEKS", "redFlags": [], %s}"""
                                .formatted(java.time.LocalDate.now(clock).minusWeeks(weeksAgo), nhsNumber, personFields)))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aDischargedPatientAsksForAFollowUpOnAPhoneAndTheClinicianRecordsWhatWasArranged() throws Exception {
        var clinicianAuth = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("clinician.qhl",
                DemoFixtures.PASSWORD);
        String nhs = health.limber.patient.PatientApiIntegrationTestsAccess.freshNhsNumber();
        String created = gpReferral(8, nhs, """
                "givenName": "Rhian", "familyName": "Followup", "birthDate": "1966-08-09", "phone": "07700 900124", "bodySites": ["SHOULDER"],
                "requestedUrgency": "ROUTINE", "reasonCode": "45326000"
                """);
        String referral = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/referrals/" + referral + "/triage").with(clinicianAuth)
                .contentType("application/json").content("""
                        {"outcome": "ACCEPT", "pathway": "PHYSIOTHERAPY", "priority": "ROUTINE", "reason": "Shoulder", "patient": "new", "version": 0}"""));
        var episode = jdbc.queryForMap("select id, patient_id from episode where referral_id = ?", UUID.fromString(referral));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/episodes/" + episode.get("id") + "/discharge")
                .with(clinicianAuth).contentType("application/json")
                .content("{\"version\": 0, \"reason\": \"PATIENT_INITIATED_FOLLOW_UP\", \"on\": \"" + java.time.LocalDate.now(clock) + "\"}"));
        var patient = new DemoFixtures.PatientRef((UUID) episode.get("patient_id"), nhs, java.time.LocalDate.of(1966, 8, 9), "Followup");
        String code = accessCodes.issue(patient.id(), "browser-test").code();

        try (BrowserContext phone = phone(); BrowserContext desk = desktop()) {
            Page person = phone.newPage();
            signInPatient(person, patient, code);
            person.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("You can ask for a follow-up appointment"))
                    .click();
            person.getByLabel("What is happening? (optional)").fill("My shoulder locks again when I reach up");
            person.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for a follow-up")).click();
            assertThat(person.locator("main")).containsText("The team will contact you to arrange it.");

            Page clinician = desk.newPage();
            signInStaff(clinician, "clinician.qhl");
            clinician.navigate(url("/episodes"));
            assertThat(clinician.getByRole(com.microsoft.playwright.options.AriaRole.REGION, new Page.GetByRoleOptions().setName("Follow-ups asked for")))
                    .containsText("My shoulder locks again when I reach up");
            clinician.locator("tr", new Page.LocatorOptions().setHasText("My shoulder locks again")).getByRole(com.microsoft.playwright.options.AriaRole.LINK)
                    .click();
            assertThat(clinician.locator("#patient-banner")).containsText("Rhian Followup");
            clinician.getByLabel("What was arranged").fill("Follow-up booked for Monday at 09:30 at the hub");
            clinician.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save what was arranged")).click();
            assertThat(clinician.locator("#follow-ups")).containsText("Arranged: Follow-up booked for Monday at 09:30 at the hub");

            person.navigate(url("/my/care"));
            assertThat(person.locator("main")).containsText("What was arranged: Follow-up booked for Monday at 09:30 at the hub");
            org.assertj.core.api.Assertions.assertThat(pageWidth(person)).isLessThanOrEqualTo(390);
        }
    }

    /**
     * DOMAIN.md §3a's first row in a browser: a clinician triages a GP referral to physiotherapy, sets
     * up a video assessment session in Welsh, books the Welsh-speaking person from the 1:1 list into the earliest slot that fits, records
     * them attended once the appointment has started, and the pathway's clock shows it stopped by
     * "1:1 physiotherapy".
     */
    @Test
    void aClinicianTriagesBooksAnAssessmentRecordsItAttendedAndTheWaitingListShowsTheClockStoppedByOneToOnePhysiotherapy() throws Exception {
        String created = gpReferral(10, health.limber.patient.PatientApiIntegrationTestsAccess.freshNhsNumber(), """
                "givenName": "Oona", "familyName": "Onetoonejourney", "birthDate": "1979-04-05", "phone": "07700 900125", "bodySites": ["KNEE"],
                "preferredLanguage": "cy", "interpreterNeeded": false, "requestedUrgency": "URGENT", "reasonCode": "30989003"
                """);
        String referral = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String reference = created.replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
        java.time.LocalDate day = java.time.LocalDate.now(clock).plusDays(60);
        try (BrowserContext desk = desktop()) {
            Page page = desk.newPage();
            signInStaff(page, "clinician.qhl");
            page.navigate(url("/referrals/" + referral));
            page.locator("#patient-new").check();
            page.locator("#outcome-ACCEPT").check();
            page.locator("#pathway").selectOption("PHYSIOTHERAPY");
            page.locator("#priority").selectOption("URGENT");
            page.locator("#reason").fill("Knee pain after a fall, 1:1 physiotherapy");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();

            page.navigate(url("/appointments/sessions"));
            page.locator("#mode-VIDEO").check();
            page.locator("#icb").selectOption("QHL");
            page.locator("#date").fill(day.toString());
            page.locator("#start").fill("18:00");
            page.locator("#end").fill("18:45");
            page.locator("#languages").fill("en, cy");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up the session")).click();
            assertThat(page.locator("main")).containsText("Session set up");

            page.navigate(url("/appointments"));
            page.locator("tr", new Page.LocatorOptions().setHasText("Oona Onetoonejourney")).getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
            assertThat(page.locator("h1")).containsText("Book Oona Onetoonejourney");
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("telephone or video only")).click();
            page.locator("label", new Page.LocatorOptions().setHasText(day.format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.UK))
                    + " at 18:00")).click();
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book this slot")).click();
            assertThat(page.locator("main")).containsText("Booked: Oona Onetoonejourney, assessment on");
            assertThat(page.locator("#patient-banner")).containsText("Oona Onetoonejourney");

            clock.advance(java.time.Duration.ofDays(61));
            page.reload();
            page.locator("#outcome-attended").check();
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record it")).click();
            assertThat(page.locator("main")).containsText("Recorded: attended.");

            UUID pathway = jdbc.queryForObject("select id from pathway where pathway_identifier = ?", UUID.class, reference);
            page.navigate(url("/waiting-list/pathways/" + pathway));
            assertThat(page.locator("main")).containsText("first treatment, seen through 1:1 physiotherapy");
        } finally {
            clock.reset();
        }
    }

    /**
     * A person refers themselves on a phone (390 px), no red flag and low risk, takes the starter
     * programme offered on the confirmation page, signs in with the access code shown and logs an
     * exercise; nothing of it stops a clock (there is none until triage accepts the referral).
     */
    @Test
    void aPersonRefersThemselvesOnAPhoneTakesTheStarterProgrammeSignsInWithTheCodeAndLogsAnExercise() {
        String familyName = "Starterphone";
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            page.navigate(url("/self-referral"));
            page.locator("a.nhsuk-button--start").click();
            page.locator("#birthDate-day").fill("14");
            page.locator("#birthDate-month").fill("2");
            page.locator("#birthDate-year").fill("1979");
            clickContinue(page);
            page.locator("#practiceSearch").fill("Y01001");
            clickContinue(page);
            page.locator("#gpPracticeCode").check();
            clickContinue(page);
            page.locator("#givenName").fill("Kim");
            page.locator("#familyName").fill(familyName);
            clickContinue(page);
            clickContinue(page); // NHS number: left blank
            page.locator("#phone").fill("07700 900111");
            page.locator("#contactPreferences").check(); // text messages
            clickContinue(page);
            page.locator("#bodySites").check(); // lower back
            clickContinue(page);
            page.locator("#symptomDuration").check();
            clickContinue(page);
            page.locator("#emergency-NONE").check();
            clickContinue(page);
            page.locator("#urgent-NONE").check();
            clickContinue(page);
            for (int item = 1; item <= 9; item++) {
                page.locator("#question-" + item).check();
                clickContinue(page);
            }
            page.locator("#workStatus").check();
            clickContinue(page);
            page.locator("#daysOffWork").fill("0");
            clickContinue(page);
            page.locator("#support").check();
            clickContinue(page);
            page.locator("#interpreterNeeded-no").check();
            clickContinue(page);
            page.locator("#accessibilityNeeds-NONE").check();
            clickContinue(page);
            page.locator("#consentToContact").check();
            clickContinue(page);
            assertThat(page.locator("h1")).containsText("Check your answers");
            clickContinue(page);
            assertThat(page.locator("h1")).containsText("Referral sent");
            assertThat(page.locator("#starter")).containsText("Start exercises now, while you wait");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start my exercises")).click();
            assertThat(page.locator("h1")).containsText("Your exercises are ready");
            String code = page.locator(".limber-access-code").innerText().strip();
            org.assertj.core.api.Assertions.assertThat(pageWidth(page)).isLessThanOrEqualTo(390);

            signInPatient(page, new DemoFixtures.PatientRef(null, null, java.time.LocalDate.of(1979, 2, 14), familyName), code);
            page.navigate(url("/my/exercises"));
            page.locator("a.limber-today__link").first().click();
            String first = page.locator("h1").innerText();
            page.locator("#outcome-DONE").check();
            page.locator("#log button[type=submit]").click();
            assertThat(page.locator("h1")).not().hasText(first); // logged: the form moves on to the next exercise
        }
        UUID patient = jdbc.queryForObject("select patient_id from referral where family_name = ?", UUID.class, familyName);
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("""
                select count(*) from session_log l join programme p on p.id = l.programme_id where p.patient_id = ? and p.purpose = 'WAIT_WELL'""",
                Integer.class, patient)).isEqualTo(1);
    }

    static void clickContinue(Page page) {
        page.waitForNavigation(() -> page.locator("main button[type=submit]").first().click());
    }
}
