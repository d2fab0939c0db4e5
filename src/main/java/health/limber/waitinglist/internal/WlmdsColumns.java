package health.limber.waitinglist.internal;

import java.util.List;
import java.util.Set;

/** The WLMDS-like CSV columns Limber reads and writes, one row per pathway. */
public final class WlmdsColumns {

    public static final String PATHWAY_ID = "PATIENT_PATHWAY_IDENTIFIER";
    static final String ISSUER = "PATHWAY_IDENTIFIER_ISSUER";
    static final String NHS_NUMBER = "NHS_NUMBER";
    static final String BIRTH_DATE = "PERSON_BIRTH_DATE";
    static final String RECEIVED = "REFERRAL_REQUEST_RECEIVED_DATE";
    static final String SOURCE = "SOURCE_OF_REFERRAL";
    static final String START = "RTT_PERIOD_START_DATE";
    static final String END = "RTT_PERIOD_END_DATE";
    static final String END_REASON = "RTT_PERIOD_END_REASON";
    static final String LIST_TYPE = "WAITING_LIST_TYPE";
    static final String FUNCTION = "ACTIVITY_TREATMENT_FUNCTION_CODE";
    static final String PRIORITY = "PRIORITY_TYPE_CODE";
    static final String PROVIDER = "ORGANISATION_CODE_PROVIDER";
    public static final String COMMISSIONER = "ORGANISATION_CODE_COMMISSIONER";
    static final String CENSUS_DATE = "CENSUS_DATE";

    /** In the order Limber writes them. */
    static final List<String> ALL = List.of(PATHWAY_ID, ISSUER, NHS_NUMBER, BIRTH_DATE, RECEIVED, SOURCE, START, END,
            END_REASON, LIST_TYPE, FUNCTION, PRIORITY, PROVIDER, COMMISSIONER, CENSUS_DATE);

    static final Set<String> OPTIONAL = Set.of(END, END_REASON, LIST_TYPE, CENSUS_DATE);

    private WlmdsColumns() {}
}
