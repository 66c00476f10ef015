package io.taskforce.reputation;

/**
 * What the agency does to clean page one: publish content that pushes results down, ask a search engine to de-list
 * (GDPR art. 17), send a takedown notice to a host (LCEN / DSA art. 16), reply to a review, or hand it to the legal
 * workstream when a lawyer must sign.
 */
public enum CleanupKind { CONTENT, DELISTING, TAKEDOWN, REVIEW_REPLY, LEGAL_REFERRAL }
