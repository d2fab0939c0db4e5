package health.limber.waitinglist.internal;

import health.limber.patient.BirthDate;
import health.limber.patient.NhsNumber;
import health.limber.platform.CsvCells;
import health.limber.platform.InvalidInputException;
import health.limber.platform.PersonName;
import health.limber.waitinglist.PathwayKey;
import health.limber.waitinglist.Priority;
import health.limber.waitinglist.SourceOfReferral;
import health.limber.waitinglist.StopReason;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** One checked row of a WLMDS-like file. {@link #parse} lists every broken rule, naming its column. */
public record WlmdsRow(long line, PathwayKey key, String nhsNumber, LocalDate birthDate, LocalDate received,
                SourceOfReferral source, LocalDate start, LocalDate end, StopReason endReason, String listType,
                String function, Priority priority, String provider, String commissioner, LocalDate censusDate) {

    /** The reference data a row is checked against. */
    /** @param servedIcbs the ICBs whose rows the importer may write (known ones outside it are refused as not theirs) */
    public record Context(Set<String> providers, Set<String> icbs, Set<String> servedIcbs, LocalDate today) {}

    /** Either a row or its problems. */
    record Parsed(WlmdsRow row, List<ImportProblem> problems) {}

    public static Parsed parse(long line, Map<String, String> values, Context context) {
        List<ImportProblem> problems = new ArrayList<>();
        Function<String, String> value = column -> {
            String v = values.get(column);
            return v == null ? "" : v.trim();
        };
        String identifier = identifier(line, value.apply(WlmdsColumns.PATHWAY_ID), problems);
        String issuer = odsCode(line, WlmdsColumns.ISSUER, value.apply(WlmdsColumns.ISSUER), context.providers(), problems, "provider");
        String nhs = null;
        try {
            nhs = NhsNumber.parse(value.apply(WlmdsColumns.NHS_NUMBER)).value();
        } catch (InvalidInputException e) {
            problems.add(new ImportProblem(line, WlmdsColumns.NHS_NUMBER, e.getMessage()));
        }
        LocalDate born = date(line, WlmdsColumns.BIRTH_DATE, value.apply(WlmdsColumns.BIRTH_DATE), false, problems);
        LocalDate received = date(line, WlmdsColumns.RECEIVED, value.apply(WlmdsColumns.RECEIVED), true, problems);
        if (born != null) {
            BirthDate.problem(born, context.today(), received)
                    .ifPresent(message -> problems.add(new ImportProblem(line, WlmdsColumns.BIRTH_DATE, message)));
        }
        SourceOfReferral source = choice(line, WlmdsColumns.SOURCE, value.apply(WlmdsColumns.SOURCE), SourceOfReferral::valueOf,
                "Source of referral must be GP, ERS, SELF, FRACTURE_CLINIC, ED or OTHER", problems);
        if (received != null && received.isAfter(context.today())) {
            problems.add(new ImportProblem(line, WlmdsColumns.RECEIVED, "The referral cannot be received in the future (" + received + ")"));
        }
        Clock clock = clock(line, value, context.today(), problems);
        String listType = value.apply(WlmdsColumns.LIST_TYPE).isEmpty() ? "ORTT" : value.apply(WlmdsColumns.LIST_TYPE).toUpperCase(Locale.ROOT);
        if (!listType.matches("[A-Z]{3,5}")) {
            problems.add(new ImportProblem(line, WlmdsColumns.LIST_TYPE, "Waiting list type must be 3 to 5 letters, for example ORTT"));
        }
        String function = value.apply(WlmdsColumns.FUNCTION);
        if (!function.matches("\\d{3}")) {
            problems.add(new ImportProblem(line, WlmdsColumns.FUNCTION, "Treatment function code must be 3 digits, for example 650"));
        }
        Priority priority = null;
        try {
            priority = Priority.ofCode(Integer.parseInt(value.apply(WlmdsColumns.PRIORITY)));
        } catch (NumberFormatException | InvalidInputException e) {
            problems.add(new ImportProblem(line, WlmdsColumns.PRIORITY, "Priority must be 1 (routine), 2 (urgent) or 3 (two-week wait)"));
        }
        String provider = odsCode(line, WlmdsColumns.PROVIDER, value.apply(WlmdsColumns.PROVIDER), context.providers(), problems, "provider");
        String commissioner = odsCode(line, WlmdsColumns.COMMISSIONER, value.apply(WlmdsColumns.COMMISSIONER), context.icbs(), problems, "ICB");
        if (context.icbs().contains(commissioner) && !context.servedIcbs().contains(commissioner)) {
            problems.add(new ImportProblem(line, WlmdsColumns.COMMISSIONER, "Your organisation does not serve the ICB " + commissioner
                    + ": its pathways are not yours to import"));
        }
        LocalDate census = date(line, WlmdsColumns.CENSUS_DATE, value.apply(WlmdsColumns.CENSUS_DATE), false, problems);
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return new Parsed(new WlmdsRow(line, new PathwayKey(identifier, issuer), nhs, born, received, source, clock.start(), clock.end(), clock.reason(),
                listType, function, priority, provider, commissioner, census), List.of());
    }

    private static String identifier(long line, String identifier, List<ImportProblem> problems) {
        if (identifier.isEmpty() || identifier.length() > 40) {
            problems.add(new ImportProblem(line, WlmdsColumns.PATHWAY_ID, "Give the pathway identifier (1 to 40 characters)"));
        } else if (CsvCells.looksLikeFormula(identifier) || !PersonName.acceptable(identifier)) {
            problems.add(new ImportProblem(line, WlmdsColumns.PATHWAY_ID,
                    "A pathway identifier cannot start with = + - @ or contain control characters (it would run as a formula in a spreadsheet)"));
        }
        return identifier;
    }

    /** The clock's start and, if it has stopped, its end and why. */
    private record Clock(LocalDate start, LocalDate end, StopReason reason) {}

    /** The clock's dates: not in the future, an end only with its reason (and the reverse), never ending before it started. */
    private static Clock clock(long line, Function<String, String> value, LocalDate today, List<ImportProblem> problems) {
        LocalDate start = date(line, WlmdsColumns.START, value.apply(WlmdsColumns.START), true, problems);
        if (start != null && start.isAfter(today)) {
            problems.add(new ImportProblem(line, WlmdsColumns.START, "The clock cannot start in the future (" + start + ")"));
        }
        LocalDate end = date(line, WlmdsColumns.END, value.apply(WlmdsColumns.END), false, problems);
        String reasonText = value.apply(WlmdsColumns.END_REASON);
        StopReason reason = null;
        if (!reasonText.isEmpty()) {
            reason = choice(line, WlmdsColumns.END_REASON, reasonText, StopReason::valueOf,
                    "End reason must be FIRST_TREATMENT, DISCHARGED, ACTIVE_MONITORING, PATIENT_DECLINED, NOT_TREATED or DNA_NULLIFIED",
                    problems);
            if (value.apply(WlmdsColumns.END).isEmpty()) {
                problems.add(new ImportProblem(line, WlmdsColumns.END_REASON, "An end reason needs an end date (RTT_PERIOD_END_DATE)"));
            }
        } else if (end != null) {
            problems.add(new ImportProblem(line, WlmdsColumns.END_REASON, "An end date needs an end reason"));
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new ImportProblem(line, WlmdsColumns.END, "The clock cannot stop (" + end + ") before it started (" + start + ")"));
        }
        if (end != null && end.isAfter(today)) {
            problems.add(new ImportProblem(line, WlmdsColumns.END, "The clock cannot stop in the future (" + end + ")"));
        }
        return new Clock(start, end, reason);
    }

    private static String odsCode(long line, String column, String code, Set<String> known, List<ImportProblem> problems, String kind) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (upper.isEmpty()) {
            problems.add(new ImportProblem(line, column, "Give the " + kind + "'s ODS code"));
        } else if (!known.contains(upper)) {
            problems.add(new ImportProblem(line, column, "Unknown " + kind + " ODS code " + upper));
        }
        return upper;
    }

    private static LocalDate date(long line, String column, String text, boolean required, List<ImportProblem> problems) {
        if (text.isEmpty()) {
            if (required) {
                problems.add(new ImportProblem(line, column, "Give the date as yyyy-MM-dd"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(line, column, "Not a real date in yyyy-MM-dd form: " + abbreviate(text)));
            return null;
        }
    }

    private static <E> E choice(long line, String column, String text, Function<String, E> parse, String message,
                                List<ImportProblem> problems) {
        try {
            return parse.apply(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(line, column, message));
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
