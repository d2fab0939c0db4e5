package health.limber.demo;

import java.util.List;
import java.util.Map;

/** Towns, outward postcodes and leisure centres for each pilot ICB (made-up centre names and streets). */
final class DemoAreas {

    private DemoAreas() {}

    /** Cohort 2's six areas and period are not published: the demo chooses them, and says so on the cohort. */
    static final java.util.Set<String> COHORT_2 = new java.util.LinkedHashSet<>(List.of("QUE", "QJK", "QK1", "QMM", "QOC", "QNX"));
    static final java.time.LocalDate COHORT_2_FROM = java.time.LocalDate.of(2025, 10, 1);
    static final java.time.LocalDate COHORT_2_TO = java.time.LocalDate.of(2026, 3, 31);
    static final String COHORT_2_NOTE = "Demo data: these six areas and this period were chosen by the demo, not by the programme.";

    record Town(String name, String outward) {}

    static final Map<String, List<Town>> TOWNS = Map.ofEntries(
            Map.entry("QHL", List.of(new Town("Birmingham", "B5"), new Town("Solihull", "B91"), new Town("Sutton Coldfield", "B73"))),
            Map.entry("QUY", List.of(new Town("Bristol", "BS1"), new Town("Weston-super-Mare", "BS23"), new Town("Yate", "BS37"))),
            Map.entry("QUE", List.of(new Town("Cambridge", "CB1"), new Town("Peterborough", "PE1"), new Town("Huntingdon", "PE29"))),
            Map.entry("QYG", List.of(new Town("Chester", "CH1"), new Town("Crewe", "CW1"), new Town("Macclesfield", "SK11"))),
            Map.entry("QT6", List.of(new Town("Truro", "TR1"), new Town("Bodmin", "PL31"), new Town("Penzance", "TR18"))),
            Map.entry("QJK", List.of(new Town("Exeter", "EX1"), new Town("Plymouth", "PL1"), new Town("Barnstaple", "EX31"))),
            Map.entry("QVV", List.of(new Town("Bournemouth", "BH1"), new Town("Poole", "BH15"), new Town("Dorchester", "DT1"))),
            Map.entry("QOP", List.of(new Town("Manchester", "M13"), new Town("Oldham", "OL1"), new Town("Wythenshawe", "M22"))),
            Map.entry("QRL", List.of(new Town("Southampton", "SO14"), new Town("Portsmouth", "PO1"), new Town("Newport", "PO30"))),
            Map.entry("QK1", List.of(new Town("Leicester", "LE1"), new Town("Loughborough", "LE11"), new Town("Oakham", "LE15"))),
            Map.entry("QMM", List.of(new Town("Norwich", "NR1"), new Town("Great Yarmouth", "NR30"), new Town("Lowestoft", "NR32"))),
            Map.entry("QMJ", List.of(new Town("Islington", "N1"), new Town("Camden", "NW1"), new Town("Enfield", "EN1"))),
            Map.entry("QHM", List.of(new Town("Newcastle upon Tyne", "NE1"), new Town("Sunderland", "SR1"), new Town("Carlisle", "CA1"))),
            Map.entry("QMF", List.of(new Town("Stratford", "E15"), new Town("Barking", "IG11"), new Town("Romford", "RM1"))),
            Map.entry("QPM", List.of(new Town("Northampton", "NN1"), new Town("Kettering", "NN16"), new Town("Corby", "NN17"))),
            Map.entry("QOC", List.of(new Town("Shrewsbury", "SY1"), new Town("Telford", "TF3"), new Town("Oswestry", "SY11"))),
            Map.entry("QNX", List.of(new Town("Brighton", "BN1"), new Town("Crawley", "RH10"), new Town("Eastbourne", "BN21"))));

    static final List<String> CENTRE_NAMES = List.of("Leisure Centre", "Community Sports Hub", "Wellbeing Centre", "Active Living Centre");
    static final List<String> STREETS = List.of("Park Road", "Station Street", "Mill Lane", "Victoria Avenue", "Church Walk",
            "Meadow Way", "Queens Drive", "Riverside");

    static final List<String> GIVEN_FEMALE = List.of("Amelia", "Olivia", "Isla", "Ava", "Grace", "Fatima", "Aisha", "Zofia",
            "Priya", "Mary", "Susan", "Margaret", "Helen", "Siobhan", "Chloe", "Ngozi", "Mei", "Rhiannon", "Bethan", "Ioana");
    static final List<String> GIVEN_MALE = List.of("Oliver", "George", "Harry", "Muhammad", "Jack", "Arjun", "Tomasz", "David",
            "John", "Michael", "Peter", "Kwame", "Dylan", "Ibrahim", "Liam", "Rhys", "Andrei", "Chen", "Callum", "Imran");
    static final List<String> FAMILY = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
            "Patel", "Khan", "Ahmed", "Kowalski", "Nowak", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hussain",
            "Begum", "Singh", "Okafor", "Mensah", "Murphy", "O'Brien", "Hughes", "Green", "Clarke", "Popescu", "Li");
    /** Mostly English, with the languages most asked for in English community services. */
    static final List<String> LANGUAGES = List.of("en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "en",
            "pl", "ur", "pa", "bn", "ro", "cy", "so", "ar", "gu", "pt");
}
