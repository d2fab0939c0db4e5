package health.limber.referral.internal;



/** How to reach the person and what they need to use the service. */
record ReferralContact(String postcode, String phone, String email, String contactPreferences, String preferredLanguage,
               boolean interpreterNeeded, String accessibilityNeeds) {
    static ReferralContact of(NewReferral details) {
        return new ReferralContact(details.postcode(), details.phone(), details.email(), String.join(",", details.contactPreferences()),
                details.preferredLanguage(), details.interpreterNeeded(), String.join(",", details.accessibilityNeeds()));
    }
}
