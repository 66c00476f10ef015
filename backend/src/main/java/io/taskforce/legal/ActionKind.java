package io.taskforce.legal;

/** The legal actions of DESIGN §1 and issue 8. */
public enum ActionKind {
    FORMAL_NOTICE, COMPLAINT, SUMMARY_PROCEEDINGS,
    /** Notice to a host (LCEN art. 6-I-5): no fixed deadline ("promptly"); the time since sending is shown. */
    HOST_NOTICE,
    /** Notice to an online platform (DSA art. 16): checked for what the article requires before it is sent. */
    PLATFORM_NOTICE,
    /** Personal-data breach notified to the CNIL (GDPR art. 33): sending it stops the 72-hour clock. */
    CNIL_NOTIFICATION,
    /** Right-of-reply request (Law of 1881 art. 13): sending it starts the publisher's 3-day insertion clock. */
    RIGHT_OF_REPLY_REQUEST,
    /** De-listing request (GDPR art. 17): sending it starts the search engine's 1-month answer clock. */
    DELISTING_REQUEST
}
