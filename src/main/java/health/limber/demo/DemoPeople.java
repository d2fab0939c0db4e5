package health.limber.demo;

import health.limber.patient.NhsNumber;
import health.limber.patient.PatientBulkLoad.PastPatient;
import health.limber.patient.PatientInput;
import health.limber.patient.WorkStatus;
import health.limber.patient.WorkStatusChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's people: made-up names, ages, languages, needs, contact preferences and work from a
 * seed, each registered with the GP practice of their town and an NHS number in the 999 test range.
 */
final class DemoPeople {

    private DemoPeople() {}

    /** One made-up person of the ICB, with their record's NHS number to be given later ({@link #numbered}). */
    static PastPatient person(Random random, String icb, List<DemoAreas.Town> towns, int icbIndex, LocalDate today, Instant now) {
        boolean female = random.nextBoolean();
        String given = pick(random, female ? DemoAreas.GIVEN_FEMALE : DemoAreas.GIVEN_MALE);
        String family = pick(random, DemoAreas.FAMILY);
        int age = 18 + random.nextInt(72);
        LocalDate born = today.minusYears(age).minusDays(random.nextInt(365));
        String language = pick(random, DemoAreas.LANGUAGES);
        boolean interpreter = !language.equals("en") && !language.equals("cy") && random.nextInt(3) == 0;
        int town = random.nextInt(towns.size());
        String work = age >= 67 ? "RETIRED" : age < 22 && random.nextInt(3) == 0 ? "STUDENT"
                : pick(random, List.of("EMPLOYED_WORKING", "EMPLOYED_WORKING", "EMPLOYED_WORKING", "EMPLOYED_OFF_SICK",
                "EMPLOYED_OFF_SICK", "UNEMPLOYED_SEEKING_WORK", "INACTIVE_ILL_HEALTH", "OTHER"));
        PatientInput input = new PatientInput(null, null, given, family, born.toString(), female ? "FEMALE" : "MALE",
                towns.get(town).outward() + " " + inwardCode(random), "07700 900" + String.format("%03d", random.nextInt(1000)), null,
                language, interpreter, needs(random), null, List.of(), DemoData.practiceCode(icbIndex, town), icb, work, null);
        input = withContact(input, random, given, family, null);
        LocalDate recorded = today.minusDays(30 + random.nextInt(600));
        List<WorkStatusChange> earlier = work.equals("EMPLOYED_OFF_SICK") || work.equals("INACTIVE_ILL_HEALTH")
                ? List.of(new WorkStatusChange(WorkStatus.EMPLOYED_WORKING, recorded.minusDays(200), "demo")) : List.of();
        return new PastPatient(input, earlier, recorded, "demo", now);
    }

    /**
     * A made-up ethnic category for a demo person, from their record's id (so the seeded journeys are
     * unchanged): roughly England's mix, with 5% who chose not to say and 10% never asked (empty).
     */
    static java.util.Optional<health.limber.patient.EthnicCategory> ethnicCategory(health.limber.patient.PatientId id) {
        int n = Math.floorMod(id.value().hashCode(), 1000);
        String[][] shares = {{"100", null}, {"150", "NOT_STATED"}, {"760", "WHITE_BRITISH"}, {"775", "WHITE_IRISH"}, {"840", "WHITE_OTHER"},
            {"870", "MIXED_OTHER"}, {"900", "ASIAN_INDIAN"}, {"925", "ASIAN_PAKISTANI"}, {"935", "ASIAN_BANGLADESHI"}, {"945", "ASIAN_OTHER"},
            {"965", "BLACK_AFRICAN"}, {"975", "BLACK_CARIBBEAN"}, {"985", "CHINESE"}, {"1000", "OTHER"}};
        for (String[] share : shares) {
            if (n < Integer.parseInt(share[0])) {
                return java.util.Optional.ofNullable(share[1]).map(health.limber.patient.EthnicCategory::valueOf);
            }
        }
        return java.util.Optional.empty();
    }

    /** The person with their NHS number. */
    static PastPatient numbered(PastPatient person, String nhsNumber) {
        PatientInput in = person.input();
        return new PastPatient(withContact(in, null, null, null, nhsNumber), person.earlierWorkStatus(), person.workStatusSince(), person.by(),
                person.createdAt());
    }

    /** People per ICB the numbering leaves room for: 50,000 numbers each, about 45,000 of them valid. */
    static final int NUMBERS_PER_ICB = 50_000;

    /**
     * The next valid NHS number in the 999 test range (never issued to anyone) for this ICB, from a
     * running serial: ICB 0 from 999 000 000x, ICB 1 from 999 050 000x, and so on.
     */
    static String nextNhsNumber(int icbIndex, int[] serial) {
        while (true) {
            if (serial[0] >= NUMBERS_PER_ICB) {
                throw new IllegalStateException("The demo numbers at most " + NUMBERS_PER_ICB + " people an ICB");
            }
            String nine = String.format("999%06d", icbIndex * NUMBERS_PER_ICB + serial[0]++);
            int check = NhsNumber.checkDigitFor(nine);
            if (check >= 0) {
                return nine + check;
            }
        }
    }

    /** Now and then someone needs step-free access, large print, a BSL interpreter, easy read or a hearing loop. */
    private static List<String> needs(Random random) {
        List<String> needs = new ArrayList<>();
        int[] oneIn = {10, 20, 100, 40, 50};
        String[] names = {"STEP_FREE", "LARGE_PRINT", "BSL", "EASY_READ", "HEARING_LOOP"};
        for (int n = 0; n < names.length; n++) {
            if (random.nextInt(oneIn[n]) == 0) {
                needs.add(names[n]);
            }
        }
        return needs;
    }

    /**
     * With {@code random}: most people take text messages (the rest phone calls), some email too, a
     * few letters as well. Without: the same input, with {@code nhsNumber}.
     */
    private static PatientInput withContact(PatientInput in, Random random, String given, String family, String nhsNumber) {
        if (random == null) {
            return new PatientInput(nhsNumber, in.nhsNumberUnknownReason(), in.givenName(), in.familyName(), in.birthDate(), in.sex(),
                    in.postcode(), in.phone(), in.email(), in.preferredLanguage(), in.interpreterNeeded(), in.accessibilityNeeds(),
                    in.otherNeeds(), in.contactPreferences(), in.gpPracticeCode(), in.icbCode(), in.workStatus(), in.version());
        }
        boolean sms = random.nextInt(10) < 7;
        boolean email = random.nextInt(10) < 4;
        List<String> channels = new ArrayList<>(List.of(sms ? "SMS" : "PHONE"));
        if (email) {
            channels.add("EMAIL");
        }
        if (random.nextInt(5) == 0) {
            channels.add("LETTER");
        }
        return new PatientInput(in.nhsNumber(), in.nhsNumberUnknownReason(), in.givenName(), in.familyName(), in.birthDate(), in.sex(),
                in.postcode(), in.phone(), email ? (given + "." + family).toLowerCase().replace("'", "") + "@example.com" : null,
                in.preferredLanguage(), in.interpreterNeeded(), in.accessibilityNeeds(), in.otherNeeds(), channels, in.gpPracticeCode(),
                in.icbCode(), in.workStatus(), in.version());
    }

    static String inwardCode(Random random) {
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return "" + random.nextInt(10) + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()));
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
