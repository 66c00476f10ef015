package io.taskforce.cases;

/**
 * The legal clocks triage can propose (DESIGN §4). Triage records the rule and its trigger date only; the legal
 * workstream computes the deadline from its rule table.
 */
public enum ClockRule {
    /** Public defamation or insult: 3 months from first publication (Law of 29 July 1881, art. 65). */
    DEFAMATION_LIMITATION,
    /** Discriminatory defamation or insult: 1 year from first publication (art. 65-3). */
    DISCRIMINATORY_DEFAMATION_LIMITATION,
    /** Right of reply: 3 months from publication to request it (art. 13; LCEN art. 6-IV). */
    RIGHT_OF_REPLY_REQUEST,
    /** Denigration: 5 years from the day the victim knew the facts (Civil Code art. 1240, 2224). */
    DENIGRATION_LIMITATION,
    /** Personal-data breach: notify the CNIL within 72 hours of awareness (GDPR art. 33). */
    GDPR_BREACH_NOTIFICATION,
    /** Disciplinary action against an employee author: 2 months from the employer's knowledge (Labour Code L1332-4). */
    DISCIPLINARY_ACTION
}
