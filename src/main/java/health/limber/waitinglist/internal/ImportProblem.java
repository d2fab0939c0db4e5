package health.limber.waitinglist.internal;



/** Why a row (or the file, when {@code line} is 0) was refused: the line, the column and the rule. */
public record ImportProblem(long line, String column, String message) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ", " : "") + (column == null ? "" : column + ": ") + message;
    }
}
