package health.limber.support.internal;

/**
 * A service people are referred to: the team's own advisers (in house) or an outside organisation
 * (Connect to Work, a debt advice service), national or local to one ICB, with its contact route.
 *
 * @param icbCode null when offered in every ICB
 * @param email where an outside referral is sent through the outbox, or null (then the letter is printed or posted)
 */
public record SupportService(String code, String name, Need need, boolean inHouse, String icbCode, String email, String phone,
                             String website, String description, boolean active) {

    public boolean offeredIn(String icb) {
        return icbCode == null || icbCode.equals(icb);
    }
}
