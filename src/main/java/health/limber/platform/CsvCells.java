package health.limber.platform;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every CSV cell Limber writes: quoted when it must be (RFC 4180), and never a live spreadsheet
 * formula. A cell that begins with = + - @, a tab or a carriage return (an identifier such as
 * {@code =HYPERLINK(...)} from an imported file) gets a leading apostrophe, so a spreadsheet shows it
 * as text; plain numbers, negative ones too, are left as they are.
 */
public final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private CsvCells() {}

    /** The value made safe to open in a spreadsheet (not yet quoted). */
    public static String neutralised(String value) {
        if (value == null || value.isEmpty() || NUMBER.matcher(value).matches()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    /** Whether a value would start a formula in a spreadsheet (refused as an identifier at import). */
    public static boolean looksLikeFormula(String value) {
        return !neutralised(value).equals(value == null ? "" : value);
    }

    /** One line of cells, neutralised and quoted where needed, without the line ending. */
    public static String line(List<String> cells) {
        return cells.stream().map(CsvCells::neutralised).map(CsvCells::quoted).collect(Collectors.joining(","));
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
