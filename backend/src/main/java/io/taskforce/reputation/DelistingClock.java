package io.taskforce.reputation;

import java.time.LocalDate;

/**
 * When a search engine owes its answer to a de-listing request: one month after it received it (GDPR art. 12(3),
 * extendable by two months, which the engine must announce within the first month). Calendar month arithmetic: a
 * request of 31 January is due on the last day of February.
 *
 * <p>The legal workstream keeps the product's clocks as rules; once it is merged this should defer to its rule
 * {@code delisting-answer-1m} so that both workstreams show the same date.</p>
 */
final class DelistingClock {

    private DelistingClock() {
    }

    static LocalDate answerDue(LocalDate submittedOn) {
        return submittedOn.plusMonths(1);
    }
}
