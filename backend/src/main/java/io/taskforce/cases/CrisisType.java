package io.taskforce.cases;

/** What kind of crisis a case is; several may apply (DESIGN §3). */
public enum CrisisType {
    DATA_BREACH, DEFAMATION, DISCRIMINATORY_DEFAMATION, DENIGRATION, INDUSTRIAL_ACCIDENT, PRODUCT_SAFETY, OUTAGE, BAD_BUZZ,
    LEGACY_SEARCH_RESULTS
}
