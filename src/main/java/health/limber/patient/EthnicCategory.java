package health.limber.patient;

import health.limber.platform.InvalidInputException;
import java.util.Locale;

/**
 * The person's ethnic category as they state it, in the NHS Data Dictionary's codes (the 2001
 * census categories), with the five broad groups reports split by. "Not stated" (Z) means the person
 * chose not to say; a record never asked has none.
 */
public enum EthnicCategory {
    WHITE_BRITISH("A", "White: British", Group.WHITE),
    WHITE_IRISH("B", "White: Irish", Group.WHITE),
    WHITE_OTHER("C", "White: any other White background", Group.WHITE),
    MIXED_WHITE_BLACK_CARIBBEAN("D", "Mixed: White and Black Caribbean", Group.MIXED),
    MIXED_WHITE_BLACK_AFRICAN("E", "Mixed: White and Black African", Group.MIXED),
    MIXED_WHITE_ASIAN("F", "Mixed: White and Asian", Group.MIXED),
    MIXED_OTHER("G", "Mixed: any other mixed background", Group.MIXED),
    ASIAN_INDIAN("H", "Asian or Asian British: Indian", Group.ASIAN),
    ASIAN_PAKISTANI("J", "Asian or Asian British: Pakistani", Group.ASIAN),
    ASIAN_BANGLADESHI("K", "Asian or Asian British: Bangladeshi", Group.ASIAN),
    ASIAN_OTHER("L", "Asian or Asian British: any other Asian background", Group.ASIAN),
    BLACK_CARIBBEAN("M", "Black or Black British: Caribbean", Group.BLACK),
    BLACK_AFRICAN("N", "Black or Black British: African", Group.BLACK),
    BLACK_OTHER("P", "Black or Black British: any other Black background", Group.BLACK),
    CHINESE("R", "Other ethnic groups: Chinese", Group.OTHER),
    OTHER("S", "Other ethnic groups: any other ethnic group", Group.OTHER),
    NOT_STATED("Z", "Not stated (the person chose not to say)", Group.NOT_STATED);

    /** The broad groups reports use. */
    public enum Group {
        WHITE("White"), MIXED("Mixed or multiple ethnic groups"), ASIAN("Asian or Asian British"), BLACK("Black or Black British"),
        OTHER("Other ethnic groups"), NOT_STATED("Not stated");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String code;
    private final String label;
    private final Group group;

    EthnicCategory(String code, String label, Group group) {
        this.code = code;
        this.label = label;
        this.group = group;
    }

    /** The NHS Data Dictionary code, A to S, or Z. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Group group() {
        return group;
    }

    /** From a name (WHITE_BRITISH) or an NHS code (A); a wrong one names the field and the rule. */
    public static EthnicCategory parse(String typed) {
        String value = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        for (EthnicCategory category : values()) {
            if (category.name().equals(value) || category.code.equals(value)) {
                return category;
            }
        }
        throw new InvalidInputException("ethnicCategory", "Choose the person's ethnic category, or 'Not stated' if they chose not to say");
    }
}
